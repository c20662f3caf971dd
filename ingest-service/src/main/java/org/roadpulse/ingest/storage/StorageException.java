package org.roadpulse.ingest.storage;

/** The database could not take a batch now (down, overloaded, a conflict); nothing of the batch was stored. */
public final class StorageException extends Exception {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
