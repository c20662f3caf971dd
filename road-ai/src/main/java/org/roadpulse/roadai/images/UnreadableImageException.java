package org.roadpulse.roadai.images;

/** A file that is not an image OpenCV can decode (corrupt, truncated, or another kind of file). */
public final class UnreadableImageException extends Exception {
    public UnreadableImageException(String message) {
        super(message);
    }
}
