package org.roadpulse.roadai.service.access;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.roadpulse.roadai.service.RoadAiSettings;

/**
 * Wires people's access: the shared token key, the signature check Micronaut Security validates tokens with, and the
 * account service the login page asks.
 */
@Factory
final class AccessFactory {

    /** A login waits this long for the account service (Argon2 takes about 0.1 s there). */
    private static final Duration ACCOUNTS_TIMEOUT = Duration.ofSeconds(10);

    @Singleton
    SharedKey sharedKey(RoadAiSettings.Access settings) {
        return new SharedKey(settings.tokenSecret(), settings.tokenSecretFile(), Clock.systemUTC());
    }

    @Singleton
    TokenCheck tokenCheck(SharedKey key) {
        return new TokenCheck(key);
    }

    @Singleton
    Accounts accounts(RoadAiSettings.Access settings) {
        return new Accounts(settings.accountsUrl(), ACCOUNTS_TIMEOUT);
    }
}
