package org.roadpulse.ingest.mqtt;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.broker.BrokerAddress;
import org.roadpulse.ingest.broker.ServiceAccount;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.intake.CountIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** The MQTT intake starts with the application (after the broker it needs) and stops with it. */
@Factory
final class MqttFactory {

    private static final Logger LOG = LoggerFactory.getLogger(MqttFactory.class);
    private static final Duration FIRST_CONNECT_WAIT = Duration.ofSeconds(10);

    @Context
    @Bean(preDestroy = "close")
    MqttIntake mqttIntake(IngestSettings.Broker settings, BrokerAddress broker, ServiceAccount account,
                          CountIntake intake, DeviceRegistry devices) throws InterruptedException {
        MqttIntake mqtt = new MqttIntake(broker.url(), account, settings.consumers(), intake, devices);
        mqtt.start();
        if (!mqtt.awaitConsuming(FIRST_CONNECT_WAIT)) {
            LOG.warn("MQTT intake: only {} of {} consumers connected to {} so far; the others keep trying",
                    mqtt.consumingCount(), mqtt.consumerCount(), broker.url());
        }
        return mqtt;
    }

    @Singleton
    @Bean(preDestroy = "close")
    DeviceConfigPublisher deviceConfigPublisher(BrokerAddress broker, ServiceAccount account) {
        return new DeviceConfigPublisher(broker.url(), account);
    }
}
