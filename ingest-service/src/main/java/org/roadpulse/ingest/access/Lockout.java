package org.roadpulse.ingest.access;

import java.time.Duration;
import java.time.Instant;

/**
 * When repeated failed logins lock an account: after {@code maxFailures} failures in a row it is locked for
 * {@code lockFor}, whatever password comes meanwhile. The lock is per account, so guessing at one account does not
 * lock out others (the per-caller login rate limit guards against spraying many accounts).
 */
public record Lockout(int maxFailures, Duration lockFor) {

    public static final Lockout DEFAULT = new Lockout(5, Duration.ofMinutes(15));

    /** The lock to set after a failure that makes {@code failuresInARow}, or null when the account stays open. */
    public Instant lockAfter(int failuresInARow, Instant now) {
        return failuresInARow >= maxFailures ? now.plus(lockFor) : null;
    }
}
