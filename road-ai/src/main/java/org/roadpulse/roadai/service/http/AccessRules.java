package org.roadpulse.roadai.service.http;

/**
 * Who may call what, as the role names of {@code @Secured}, in one place so the controllers and the security tests
 * read the same lists (docs/security.md has the table). Maintenance staff work the queue; a municipal admin also sets
 * the weights, imports roads and reads the audit trail; an operator may do everything. Planners have no business here.
 */
final class AccessRules {

    static final String MAINTENANCE = "MAINTENANCE";
    static final String MUNICIPAL_ADMIN = "MUNICIPAL_ADMIN";
    static final String OPERATOR = "OPERATOR";

    private AccessRules() {
    }
}
