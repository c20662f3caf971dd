package org.roadpulse.ingest.access;

import org.roadpulse.platform.access.Role;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;

/**
 * The first account: when the service starts with no accounts at all it creates {@value #USERNAME} as an operator,
 * with the configured password or a generated one written once to {@code <data-dir>/}{@value #FILE} (and the
 * file's path, never the password, logged). Later starts find accounts and do nothing.
 */
public final class OperatorBootstrap {

    public static final String USERNAME = "operator";
    public static final String FILE = "operator-password";
    private static final Logger LOG = LoggerFactory.getLogger(OperatorBootstrap.class);

    private OperatorBootstrap() {
    }

    public static void run(PgPeople people, PasswordHashing hashing, AuditTrail audit, Clock clock,
                           String configuredPassword, Path dataDir) {
        if (people.count() > 0) {
            return;
        }
        boolean given = configuredPassword != null && !configuredPassword.isBlank();
        String password = given ? configuredPassword : Passwords.generate();
        if (!people.create(new Person(USERNAME, hashing.hash(password), Set.of(Role.OPERATOR), Set.of(), 0, null))) {
            return; // another replica starting at the same time created it
        }
        audit.record(AuditEntry.of(clock.instant(), AuditEntry.SYSTEM, "user.created", USERNAME, null,
                "first operator, " + (given ? "password from ROADPULSE_OPERATOR_PASSWORD" : "generated password")));
        if (given) {
            LOG.info("No accounts yet: created '{}' with the password of roadpulse.security.operator-password",
                    USERNAME);
            return;
        }
        Path file = dataDir.resolve(FILE);
        try {
            TokenKey.Secrets.writeOwnerOnly(file, password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the first operator's password to " + file, e);
        }
        LOG.warn("No accounts yet: created '{}'; its generated password is in {} (change it after the first login)",
                USERNAME, file.toAbsolutePath());
    }

    /** Generated passwords: 20 characters from an alphabet without look-alikes (about 116 bits). */
    public static final class Passwords {

        private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        private static final SecureRandom RANDOM = new SecureRandom();

        private Passwords() {
        }

        public static String generate() {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            return password.toString();
        }
    }
}
