package org.roadpulse.roadai.dataset;

/** A data set that cannot be used as given: missing or empty class folders, a malformed split file. */
public final class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }
}
