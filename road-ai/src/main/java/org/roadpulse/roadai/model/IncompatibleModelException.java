package org.roadpulse.roadai.model;

/** A model file this code cannot use: wrong format version, missing metadata, or metadata that contradicts the network. */
public final class IncompatibleModelException extends RuntimeException {
    public IncompatibleModelException(String message) {
        super(message);
    }

    public IncompatibleModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
