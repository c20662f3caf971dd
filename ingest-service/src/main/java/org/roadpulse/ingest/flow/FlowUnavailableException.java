package org.roadpulse.ingest.flow;

/** The stored counts cannot be read just now (the database is down): answered with 503, try again. */
public final class FlowUnavailableException extends RuntimeException {

    public FlowUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
