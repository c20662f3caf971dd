package org.roadpulse.ingest.access;

import org.roadpulse.protocol.Rejection;

/** An account cannot be stored as asked: the caller's mistake, answered with 400 and the rejection's reason. */
public final class InvalidAccountException extends RuntimeException {

    private final transient Rejection rejection;

    public InvalidAccountException(Rejection rejection) {
        super(rejection.toString());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
