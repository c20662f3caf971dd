package org.roadpulse.roadai.service.intake;

/** A file that claims to be a JPEG but does not decode. */
public final class UnreadableFrameException extends Exception {
    public UnreadableFrameException(String message) {
        super(message);
    }
}
