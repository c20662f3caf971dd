package org.roadpulse.ingest.access;

import java.time.Instant;

/**
 * One line of the audit trail: who did what to which thing of which municipality, and when.
 *
 * @param actor        a username, or {@value #SYSTEM} for what the service does by itself (bootstrap, demo seeding)
 * @param action       a stable code such as {@code user.created}, {@code site.saved}, {@code login.locked}
 * @param subject      the username, site or device id acted on; null if none
 * @param municipality the AGS the subject belongs to; null for platform-wide actions (seen by operators only)
 */
public record AuditEntry(long id, Instant at, String actor, String action, String subject, String municipality,
                         String detail) {

    public static final String SYSTEM = "system";

    public static AuditEntry of(Instant at, String actor, String action, String subject, String municipality,
                                String detail) {
        return new AuditEntry(0, at, actor, action, subject, municipality, detail);
    }
}
