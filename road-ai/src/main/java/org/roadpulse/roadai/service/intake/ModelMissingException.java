package org.roadpulse.roadai.service.intake;

/** No classifier is loaded, so images cannot be surveyed; the rest of the service works. Answered with 503. */
public final class ModelMissingException extends RuntimeException {
    public ModelMissingException(String message) {
        super(message);
    }
}
