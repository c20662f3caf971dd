package org.roadpulse.ingest.mqtt;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.LinkedHashMap;
import java.util.Map;

/** UP while every MQTT consumer is connected and subscribed, DOWN while none is; details count them. */
@Singleton
final class MqttIntakeHealth implements HealthIndicator {

    private final MqttIntake intake;

    MqttIntakeHealth(MqttIntake intake) {
        this.intake = intake;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(result());
    }

    HealthResult result() {
        int consuming = intake.consumingCount();
        int expected = intake.consumerCount();
        HealthStatus status = consuming == expected ? HealthStatus.UP
                : consuming == 0 ? HealthStatus.DOWN : new HealthStatus("DEGRADED", "some consumers are away", true, null);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("consumers", expected);
        details.put("connected", consuming);
        details.put("messages", intake.tally());
        return HealthResult.builder("mqtt", status).details(details).build();
    }
}
