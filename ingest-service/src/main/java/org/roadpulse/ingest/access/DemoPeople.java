package org.roadpulse.ingest.access;

import org.roadpulse.platform.access.Role;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Demo accounts for the model municipalities (demo mode only): {@code planner.<town>}, {@code maintenance.<town>} and
 * {@code admin.<town>} for each. Their generated passwords are appended to {@code <data-dir>/}{@value #FILE} when
 * the account is created; an existing account is left as it is.
 */
public final class DemoPeople {

    public static final String FILE = "demo-people.txt";
    private static final Logger LOG = LoggerFactory.getLogger(DemoPeople.class);

    private DemoPeople() {
    }

    /** @param towns AGS by the town's short name, e.g. {@code bexbach -> 10045111} */
    public static void seed(Map<String, String> towns, PgPeople people, PasswordHashing hashing, AuditTrail audit,
                            Clock clock, Path dataDir) {
        StringBuilder lines = new StringBuilder();
        towns.forEach((town, ags) -> {
            lines.append(create(people, hashing, audit, clock, "planner." + town, Role.PLANNER, ags));
            lines.append(create(people, hashing, audit, clock, "maintenance." + town, Role.MAINTENANCE, ags));
            lines.append(create(people, hashing, audit, clock, "admin." + town, Role.MUNICIPAL_ADMIN, ags));
        });
        if (lines.isEmpty()) {
            return;
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                TokenKey.Secrets.writeOwnerOnly(file, "# username password role municipality (demo accounts)\n");
            }
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo accounts' passwords to " + file, e);
        }
        LOG.info("Demo accounts created; their passwords are in {}", file.toAbsolutePath());
    }

    private static String create(PgPeople people, PasswordHashing hashing, AuditTrail audit, Clock clock,
                                 String username, Role role, String ags) {
        String password = OperatorBootstrap.Passwords.generate();
        if (!people.create(new Person(username, hashing.hash(password), Set.of(role), Set.of(ags), 0, null))) {
            return "";
        }
        audit.record(AuditEntry.of(clock.instant(), AuditEntry.SYSTEM, "user.created", username, ags, "demo account"));
        return username + " " + password + " " + role + " " + ags + "\n";
    }
}
