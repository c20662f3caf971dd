package org.roadpulse.ingest.http;

/**
 * Who may call what, as {@code @Secured} expressions, in one place so the controllers and the security tests read the
 * same lists (docs/security.md has the table).
 */
final class AccessRules {

    static final String PLANNER = "PLANNER";
    static final String MAINTENANCE = "MAINTENANCE";
    static final String MUNICIPAL_ADMIN = "MUNICIPAL_ADMIN";
    static final String OPERATOR = "OPERATOR";

    private AccessRules() {
    }
}
