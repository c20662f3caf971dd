package org.roadpulse.ingest.access;

import org.roadpulse.platform.access.Role;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The first operator: created once, with a generated password written to a file only the service's user reads. */
class OperatorBootstrapTest {

    @Test
    void aServiceWithoutAccountsCreatesTheOperatorOnceWithAGeneratedPasswordInAFile(@TempDir Path dataDir)
            throws IOException {
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            PgPeople people = new PgPeople(db.dataSource());
            PasswordHashing hashing = new PasswordHashing();
            PgAuditTrail audit = new PgAuditTrail(db.dataSource());

            // WHEN the service starts twice without a configured password
            OperatorBootstrap.run(people, hashing, audit, Clock.systemUTC(), "", dataDir);
            String password = Files.readString(dataDir.resolve(OperatorBootstrap.FILE)).trim();
            OperatorBootstrap.run(people, hashing, audit, Clock.systemUTC(), "", dataDir);

            // THEN there is one operator, whose password is the file's, readable by the owner only
            assertThat(people.count()).isEqualTo(1);
            Person operator = people.find("operator").orElseThrow();
            assertThat(operator.roles()).containsExactly(Role.OPERATOR);
            assertThat(hashing.matches(password, operator.passwordHash())).isTrue();
            assertThat(password).hasSize(20);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dataDir.resolve(OperatorBootstrap.FILE)))).isEqualTo("rw-------");
            assertThat(Files.readString(dataDir.resolve(OperatorBootstrap.FILE)).trim()).isEqualTo(password);
        }
    }

    @Test
    void theTokenKeyIsGeneratedOnceAndKept(@TempDir Path dataDir) throws Exception {
        String first = TokenKey.resolve("", dataDir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(TokenKey.FILE))))
                .isEqualTo("rw-------");
        String second = TokenKey.resolve(null, dataDir);
        assertThat(first).hasSizeGreaterThanOrEqualTo(TokenKey.MIN_LENGTH).isEqualTo(second);
        assertThat(TokenKey.resolve("a configured key of at least 32 characters", dataDir))
                .isEqualTo("a configured key of at least 32 characters");
    }
}
