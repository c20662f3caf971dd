package org.roadpulse.roadai.service.traffic;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.roadpulse.platform.access.ServiceTokens;
import org.roadpulse.roadai.service.RoadAiSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Factory
final class TrafficFactory {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficFactory.class);
    /** Each lookup gets a fresh token: a short life is all it needs. */
    private static final Duration TOKEN_VALIDITY = Duration.ofMinutes(5);

    @Singleton
    TrafficSource trafficSource(RoadAiSettings.Traffic settings) {
        return new FlowApiTraffic(settings.flowApiUrl(), credentials(settings), Duration.ofMillis(settings.timeoutMs()),
                Duration.ofMinutes(settings.cacheMinutes()), Clock.systemUTC());
    }

    /** A planner's token for the one municipality asked about, signed with the ingest service's key when given. */
    private static FlowApiCredentials credentials(RoadAiSettings.Traffic settings) {
        return ServiceTokens.key(settings.tokenSecret(), settings.tokenSecretFile())
                .map(key -> new ServiceTokens(key, "road-ai", TOKEN_VALIDITY, Clock.systemUTC()))
                .<FlowApiCredentials>map(tokens -> municipality -> Optional.of(
                        tokens.issue(Set.of("PLANNER"), Set.of(municipality))))
                .orElseGet(() -> {
                    LOG.warn("No token key for the flow API (roadai.traffic.token-secret, or token-secret-file {}): "
                            + "roads with a measurement site get their class's default traffic",
                            settings.tokenSecretFile().isBlank() ? "not set" : settings.tokenSecretFile() + " absent");
                    return FlowApiCredentials.none();
                });
    }
}
