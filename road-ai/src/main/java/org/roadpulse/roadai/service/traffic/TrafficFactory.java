package org.roadpulse.roadai.service.traffic;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.roadpulse.platform.access.Role;
import org.roadpulse.platform.access.ServiceTokens;
import org.roadpulse.roadai.service.RoadAiSettings;
import org.roadpulse.roadai.service.access.SharedKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Factory
final class TrafficFactory {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficFactory.class);
    /** Each lookup gets a fresh token: a short life is all it needs. */
    private static final Duration TOKEN_VALIDITY = Duration.ofMinutes(5);

    @Singleton
    TrafficSource trafficSource(RoadAiSettings.Traffic settings, SharedKey key) {
        if (key.current().isEmpty()) {
            LOG.warn("No token key for the flow API yet ({}): until there is one, roads with a measurement site get "
                    + "their class's default traffic", key.describe());
        }
        return new FlowApiTraffic(settings.flowApiUrl(), credentials(key), Duration.ofMillis(settings.timeoutMs()),
                Duration.ofMinutes(settings.cacheMinutes()), Clock.systemUTC());
    }

    /** A planner's token for the one municipality asked about, signed with the ingest service's key once known. */
    private static FlowApiCredentials credentials(SharedKey key) {
        return municipality -> key.current()
                .map(secret -> new ServiceTokens(secret, "road-ai", TOKEN_VALIDITY, Clock.systemUTC()))
                .map(tokens -> tokens.issue(Set.of(Role.PLANNER.name()), Set.of(municipality)));
    }
}
