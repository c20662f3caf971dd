package org.roadpulse.ingest.broker;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.ingest.mqtt.MqttIntake;
import org.roadpulse.ingest.testdoubles.InMemoryDeviceRegistry;
import org.roadpulse.ingest.testdoubles.MqttTestClients;
import org.roadpulse.ingest.testdoubles.RecordingCountIntake;
import org.roadpulse.ingest.testdoubles.TestPayloads;
import org.roadpulse.protocol.Topics;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that the embedded broker keeps the service's session and its queued messages across a restart. */
@Tag("slow")
class EmbeddedBrokerRestartTest {

    private static final ServiceAccount SERVICE = new ServiceAccount("roadpulse-ingest", "service-secret");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    @Test
    void messagesQueuedForTheServiceSurviveABrokerRestart() throws Exception {
        InMemoryDeviceRegistry devices = new InMemoryDeviceRegistry();
        String secret = devices.register("restart-dev");
        RecordingCountIntake intake = new RecordingCountIntake();

        // GIVEN the service subscribed once (its session exists) and then stopped
        EmbeddedBroker broker = EmbeddedBroker.start(folder, 0, 100_000, devices, SERVICE);
        intake(broker, devices, intake).close();
        // AND a device published while the service was away
        MqttAsyncClient device = MqttTestClients.device(broker.address().url(), "restart-dev", secret);
        for (int seq = 1; seq <= 5; seq++) {
            MqttTestClients.publishQos1(device, Topics.counts("restart-dev"), TestPayloads.countsJson("restart-dev", seq));
        }
        MqttTestClients.closeQuietly(device);

        // WHEN the broker restarts on the same folder, and the service comes back
        broker.close();
        broker = EmbeddedBroker.start(folder, 0, 100_000, devices, SERVICE);
        MqttIntake mqtt = intake(broker, devices, intake);
        try {
            // THEN every queued message arrives
            for (int seq = 1; seq <= 5; seq++) {
                assertThat(intake.next("restart-dev", WAIT).payloadText()).contains("\"seq\":" + seq);
            }
        } finally {
            mqtt.close();
            broker.close();
        }
    }

    private static MqttIntake intake(EmbeddedBroker broker, InMemoryDeviceRegistry devices,
                                     RecordingCountIntake intake) throws InterruptedException {
        MqttIntake mqtt = new MqttIntake(broker.address().url(), SERVICE, 1, intake, devices, Clock.systemUTC(),
                Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(1));
        mqtt.start();
        assertThat(mqtt.awaitConsuming(WAIT)).isTrue();
        return mqtt;
    }
}
