package org.roadpulse.ingest.sites;

import org.roadpulse.protocol.Rejection;

/** A site that cannot be stored as given: a broken {@link SiteRules rule} or a device that is not there. */
public final class InvalidSiteException extends RuntimeException {

    private final transient Rejection rejection;

    public InvalidSiteException(Rejection rejection) {
        super(rejection.toString());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
