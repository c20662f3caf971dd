package org.roadpulse.ingest.access;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.sites.DemoSites;
import org.roadpulse.ingest.sites.MeasurementSite;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/** Wires people's access: the accounts, the audit trail, the token key, the first operator and the demo accounts. */
@Factory
final class AccessFactory {

    @Singleton
    PgPeople people(DataSource dataSource) {
        return new PgPeople(dataSource);
    }

    @Singleton
    PgAuditTrail auditTrail(DataSource dataSource) {
        return new PgAuditTrail(dataSource);
    }

    @Singleton
    PasswordHashing passwordHashing() {
        return new PasswordHashing();
    }

    @Singleton
    SignIn signIn(PgPeople people, PasswordHashing hashing, PgAuditTrail audit) {
        return new SignIn(people, hashing, audit, Lockout.DEFAULT, Clock.systemUTC());
    }

    @Singleton
    PersonAdministration personAdministration(PgPeople people, PasswordHashing hashing, PgAuditTrail audit) {
        return new PersonAdministration(people, hashing, audit, Clock.systemUTC());
    }

    /**
     * Signs and checks the JWTs (HS256) with {@link TokenKey}'s key; the JWT generator takes the one named so. Made at
     * startup, so a generated key is in the data folder before road-ai, started next, looks for it.
     */
    @Context
    @Named("generator")
    TokenSignature tokenSignature(IngestSettings.Security settings, IngestSettings.Paths paths) {
        return new TokenSignature(TokenKey.resolve(settings.tokenSecret(), Path.of(paths.dataDir())));
    }

    /** Runs at startup, so the first operator exists before anyone can ask to log in. */
    @Context
    FirstAccounts firstAccounts(PgPeople people, PasswordHashing hashing, PgAuditTrail audit,
                                IngestSettings.Security settings, IngestSettings.Paths paths,
                                IngestSettings.Demo demo) {
        Path dataDir = Path.of(paths.dataDir());
        OperatorBootstrap.run(people, hashing, audit, Clock.systemUTC(), settings.operatorPassword(), dataDir);
        if (demo.seedDevices()) {
            Map<String, String> towns = new TreeMap<>();
            for (MeasurementSite site : DemoSites.load()) {
                towns.putIfAbsent(site.id().split("-")[0], site.municipality());
            }
            DemoPeople.seed(towns, people, hashing, audit, Clock.systemUTC(), dataDir);
        }
        return new FirstAccounts();
    }

    /** Marks that the first accounts exist. */
    static final class FirstAccounts {
    }
}
