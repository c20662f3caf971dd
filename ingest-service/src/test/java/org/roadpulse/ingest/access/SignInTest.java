package org.roadpulse.ingest.access;

import org.roadpulse.platform.access.Role;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in against real PostgreSQL, with the clock moved by hand: lock-out per account, and its end. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInTest {

    private static final String PASSWORD = "right password 1";

    private final TestDatabase db = TestPostgres.freshDatabase();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final PasswordHashing hashing = new PasswordHashing();
    private PgPeople people;
    private SignIn signIn;

    @BeforeAll
    void createAccounts() {
        people = new PgPeople(db.dataSource());
        signIn = new SignIn(people, hashing, new PgAuditTrail(db.dataSource()), Lockout.DEFAULT, clock);
        for (String name : new String[] {"planner.one", "planner.two", "planner.three"}) {
            people.create(new Person(name, hashing.hash(PASSWORD), Set.of(Role.PLANNER), Set.of("10045111"), 0,
                    null));
        }
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void theRightPasswordSignsIn() {
        assertThat(signIn.attempt("planner.three", PASSWORD)).isInstanceOfSatisfying(SignIn.Granted.class,
                granted -> assertThat(granted.person().roles()).containsExactly(Role.PLANNER));
        assertThat(signIn.attempt("planner.three", "wrong password")).isInstanceOf(SignIn.Refused.class);
        assertThat(signIn.attempt("nobody", PASSWORD)).isInstanceOf(SignIn.Refused.class);
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesEvenForTheRightPassword() {
        // GIVEN four wrong passwords in a row
        for (int i = 0; i < 4; i++) {
            assertThat(signIn.attempt("planner.one", "guess " + i)).isInstanceOf(SignIn.Refused.class);
        }

        // WHEN the fifth is wrong too, and then the right one comes 14 minutes later
        SignIn.Outcome fifth = signIn.attempt("planner.one", "guess 5");
        clock.move(Duration.ofMinutes(14));
        SignIn.Outcome whileLocked = signIn.attempt("planner.one", PASSWORD);

        // THEN the account is locked until 15 minutes after the fifth failure, the right password too is refused,
        // another account is not affected, and once the lock ends the right password works again
        assertThat(fifth).isInstanceOfSatisfying(SignIn.Locked.class,
                locked -> assertThat(locked.until()).isEqualTo(Instant.parse("2026-03-02T08:15:00Z")));
        assertThat(whileLocked).isInstanceOf(SignIn.Locked.class);
        assertThat(signIn.attempt("planner.two", PASSWORD)).isInstanceOf(SignIn.Granted.class);
        clock.move(Duration.ofMinutes(1));
        assertThat(signIn.attempt("planner.one", PASSWORD)).isInstanceOf(SignIn.Granted.class);
        assertThat(db.number("SELECT count(*) FROM audit_entry WHERE action = 'login.locked' "
                + "AND subject = 'planner.one'")).isEqualTo(1);
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
