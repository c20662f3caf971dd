package org.roadpulse.ingest.access;

import java.time.Clock;
import java.time.Instant;

/**
 * Checks a username and password, counting failures per account and locking it by the {@link Lockout} rule. A
 * locked account is refused even with the right password until the lock ends. Logins, failures that lock and
 * refusals of a locked account are written to the audit trail.
 */
public final class SignIn {

    /** What a login attempt gives. */
    public sealed interface Outcome {
    }

    public record Granted(Person person) implements Outcome {
    }

    /** Wrong username or password: the two are not told apart. */
    public record Refused() implements Outcome {
    }

    public record Locked(Instant until) implements Outcome {
    }

    private final PgPeople people;
    private final PasswordHashing hashing;
    private final AuditTrail audit;
    private final Lockout lockout;
    private final Clock clock;
    /** Checked against when no such user exists, so an unknown name costs the same time as a wrong password. */
    private final String decoy;

    public SignIn(PgPeople people, PasswordHashing hashing, AuditTrail audit, Lockout lockout, Clock clock) {
        this.people = people;
        this.hashing = hashing;
        this.audit = audit;
        this.lockout = lockout;
        this.clock = clock;
        this.decoy = hashing.hash("decoy-" + System.nanoTime());
    }

    public Outcome attempt(String username, String password) {
        Instant now = clock.instant();
        Person person = username == null ? null : people.find(username).orElse(null);
        if (person == null) {
            hashing.matches(password == null ? "" : password, decoy);
            return new Refused();
        }
        if (person.lockedAt(now)) {
            audit.record(AuditEntry.of(now, person.username(), "login.refused_locked", person.username(),
                    home(person), "locked until " + person.lockedUntil()));
            return new Locked(person.lockedUntil());
        }
        if (password == null || !hashing.matches(password, person.passwordHash())) {
            Instant lock = lockout.lockAfter(person.failedLogins() + 1, now);
            people.recordFailure(person.username(), lock);
            if (lock != null) {
                audit.record(AuditEntry.of(now, person.username(), "login.locked", person.username(), home(person),
                        lockout.maxFailures() + " failed logins in a row; locked until " + lock));
                return new Locked(lock);
            }
            audit.record(AuditEntry.of(now, person.username(), "login.failed", person.username(), home(person),
                    null));
            return new Refused();
        }
        people.recordSuccess(person.username());
        audit.record(AuditEntry.of(now, person.username(), "login.succeeded", person.username(), home(person), null));
        return new Granted(person);
    }

    /** The municipality an entry about this person is filed under: their only one, else none (operators see it). */
    static String home(Person person) {
        return person.municipalities().size() == 1 ? person.municipalities().iterator().next() : null;
    }
}
