package org.roadpulse.ingest.mqtt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.ingest.broker.EmbeddedBroker;
import org.roadpulse.ingest.testdoubles.ExternalClient;
import org.roadpulse.ingest.testdoubles.ExternalClient.Outcome;
import org.roadpulse.ingest.testdoubles.InMemoryDeviceRegistry;
import org.roadpulse.ingest.testdoubles.RecordingCountIntake;
import org.roadpulse.ingest.testdoubles.RecordingCountIntake.Submission;
import org.roadpulse.ingest.testdoubles.TestPayloads;
import org.roadpulse.protocol.DeviceConfig;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.Topics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Verifies that a third-party MQTT client — Debian's mosquitto_pub and mosquitto_sub, MQTT 3.1.1 and 5 — gets the
 * same treatment as the service's own: counts with the right secret reach the intake, a wrong secret is refused, and
 * a device reads its retained configuration.
 */
@Tag("slow")
class MosquittoClientsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path folder;
    private static final InMemoryDeviceRegistry devices = new InMemoryDeviceRegistry();
    private static final RecordingCountIntake intake = new RecordingCountIntake();
    private static EmbeddedBroker broker;
    private static MqttIntake mqtt;

    @BeforeAll
    static void start() throws InterruptedException {
        assumeTrue(ExternalClient.installed("mosquitto_pub") && ExternalClient.installed("mosquitto_sub"),
                "mosquitto_pub/mosquitto_sub not installed (Debian package mosquitto-clients): skipped");
        broker = EmbeddedBroker.start(folder, 0, 100_000, devices, MqttIntakeTest.SERVICE);
        mqtt = MqttIntakeTest.startedIntake(intake, broker, devices);
    }

    @AfterAll
    static void stop() {
        if (mqtt != null) {
            mqtt.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void mosquittoPubWithTheDevicesSecretIsAccepted() throws Exception {
        String secret = devices.register("mosq-ok");
        byte[] payload = TestPayloads.countsJson("mosq-ok", 1);
        // WHEN mosquitto_pub (MQTT 3.1.1, no content type) publishes a JSON interval at QoS 1
        Outcome outcome = mosquittoPub("mqttv311", "mosq-ok", secret, payload);
        // THEN it succeeds and the intake gets the payload, recognised as JSON, from that device
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        Submission submission = intake.next("mosq-ok", WAIT);
        assertThat(submission.counts().payload()).isEqualTo(payload);
        assertThat(submission.counts().encoding()).isEqualTo(Encoding.JSON);
    }

    @Test
    void mosquittoPubOverMqtt5IsAcceptedToo() throws Exception {
        String secret = devices.register("mosq-five");
        Outcome outcome = mosquittoPub("mqttv5", "mosq-five", secret, TestPayloads.countsJson("mosq-five", 1));
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        intake.next("mosq-five", WAIT);
    }

    @Test
    void mosquittoPubWithAWrongSecretIsRefused() throws Exception {
        devices.register("mosq-wrong");
        // WHEN mosquitto_pub uses a wrong password
        Outcome outcome = mosquittoPub("mqttv311", "mosq-wrong", "not-the-secret", TestPayloads.countsJson("mosq-wrong", 1));
        // THEN the connection is refused and nothing reaches the intake
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.output()).containsIgnoringCase("refused");
        assertThat(intake.poll("mosq-wrong", Duration.ofMillis(500))).isNull();
    }

    @Test
    void mosquittoSubReadsTheDevicesRetainedConfiguration() throws Exception {
        String secret = devices.register("mosq-config");
        // GIVEN the platform published the device's configuration before the device subscribed
        DeviceConfigPublisher publisher = new DeviceConfigPublisher(broker.address().url(), MqttIntakeTest.SERVICE);
        try {
            publisher.publish("mosq-config", new DeviceConfig(300, 60)).get();
        } finally {
            publisher.close();
        }
        // WHEN the device subscribes to its configuration with mosquitto_sub
        Outcome outcome = ExternalClient.run(WAIT, List.of("mosquitto_sub", "-h", "127.0.0.1",
                "-p", String.valueOf(broker.port()), "-i", "mosq-config", "-u", "mosq-config", "-P", secret,
                "-t", Topics.config("mosq-config"), "-q", "1", "-C", "1", "-W", "8"));
        // THEN it gets the retained configuration
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("\"interval\":300").contains("\"statusPeriod\":60");
    }

    private static Outcome mosquittoPub(String version, String deviceId, String secret, byte[] payload)
            throws Exception {
        return ExternalClient.run(WAIT, List.of("mosquitto_pub", "-h", "127.0.0.1",
                "-p", String.valueOf(broker.port()), "-V", version, "-i", deviceId, "-u", deviceId, "-P", secret,
                "-q", "1", "-t", Topics.counts(deviceId), "-m", new String(payload, StandardCharsets.UTF_8)));
    }
}
