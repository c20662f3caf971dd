package org.roadpulse.ingest.access;

import jakarta.inject.Singleton;

import java.time.Clock;

/** Writes what a person changed (devices, sites) to the audit trail, stamped with the time and their name. */
@Singleton
public final class AdminAudit {

    private final PgAuditTrail trail;
    private final Clock clock = Clock.systemUTC();

    public AdminAudit(PgAuditTrail trail) {
        this.trail = trail;
    }

    public void record(Caller caller, String action, String subject, String municipality, String detail) {
        trail.record(AuditEntry.of(clock.instant(), caller.username(), action, subject, municipality, detail));
    }
}
