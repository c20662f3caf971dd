package org.roadpulse.roadai.service.access;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.roadpulse.platform.access.ServiceTokens;
import org.roadpulse.roadai.service.RoadAiSettings;

/**
 * Wires people's access: the shared token key, the signature check Micronaut Security validates tokens with, and the
 * account service the login page asks.
 */
@Factory
final class AccessFactory {

    /** A login waits this long for the account service (Argon2 takes about 0.1 s there). */
    private static final Duration ACCOUNTS_TIMEOUT = Duration.ofSeconds(10);
    /** A token that only says "road-ai asks" (no roles, no municipalities), made for each login. */
    private static final Duration SERVICE_TOKEN_VALIDITY = Duration.ofMinutes(1);

    @Singleton
    SharedKey sharedKey(RoadAiSettings.Access settings) {
        return new SharedKey(settings.tokenSecret(), settings.tokenSecretFile(), Clock.systemUTC());
    }

    @Singleton
    TokenCheck tokenCheck(SharedKey key) {
        return new TokenCheck(key);
    }

    @Singleton
    Accounts accounts(RoadAiSettings.Access settings, SharedKey key) {
        return new Accounts(settings.accountsUrl(), ACCOUNTS_TIMEOUT, () -> key.current()
                .map(secret -> new ServiceTokens(secret, "road-ai", SERVICE_TOKEN_VALIDITY, Clock.systemUTC())
                        .issue(Set.of(), Set.of())));
    }
}
