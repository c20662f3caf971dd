package org.roadpulse.roadai.service.traffic;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.roadpulse.roadai.service.RoadAiSettings;

@Factory
final class TrafficFactory {

    @Singleton
    TrafficSource trafficSource(RoadAiSettings.Traffic settings) {
        return new FlowApiTraffic(settings.flowApiUrl(), Duration.ofMillis(settings.timeoutMs()),
                Duration.ofMinutes(settings.cacheMinutes()), Clock.systemUTC());
    }
}
