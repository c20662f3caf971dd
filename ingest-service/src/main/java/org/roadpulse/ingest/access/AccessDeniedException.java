package org.roadpulse.ingest.access;

/** The caller may not do this (a 403 at the HTTP edge), with a stable reason code such as {@code role.not_grantable}. */
public final class AccessDeniedException extends RuntimeException {

    private final String reason;

    public AccessDeniedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
