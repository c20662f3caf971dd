package org.roadpulse.ingest.broker;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.ingest.testdoubles.InMemoryDeviceRegistry;
import org.roadpulse.ingest.testdoubles.MqttTestClients;
import org.roadpulse.ingest.testdoubles.RecordingCountIntake;
import org.roadpulse.ingest.testdoubles.TestPayloads;
import org.roadpulse.ingest.testing.TestIntervals;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.Topics;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadpulse.ingest.testdoubles.MqttTestClients.WAIT_MILLIS;

/**
 * Verifies the embedded broker's direct path: a device's counts reach the intake, and the device's PUBACK waits for
 * the intake's answer — success for stored and rejected, an error for unavailable so that the device sends again.
 */
@Tag("slow")
class CountsInterceptorTest {

    private static final ServiceAccount SERVICE = new ServiceAccount("roadpulse-ingest", "service-secret");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int SUCCESS = 0x00;
    private static final int UNSPECIFIED_ERROR = 0x80;

    @TempDir
    static Path folder;
    private static final InMemoryDeviceRegistry devices = new InMemoryDeviceRegistry();
    private static final RecordingCountIntake intake = new RecordingCountIntake();
    private static EmbeddedBroker broker;
    private static MqttAsyncClient device;

    @BeforeAll
    static void start() throws Exception {
        String secret = devices.register("direct-1");
        broker = EmbeddedBroker.start(folder, 0, 100_000, devices, SERVICE, intake);
        device = MqttTestClients.device(broker.address().url(), "direct-1", secret);
    }

    @AfterAll
    static void stop() {
        MqttTestClients.closeQuietly(device);
        broker.close();
    }

    private static byte[] interval(long seq) {
        return TestIntervals.json(TestIntervals.recent("direct-1", seq, Instant.now()));
    }

    @Test
    void theDevicesPubackWaitsForTheIntakesAnswer() throws Exception {
        // GIVEN an intake that has not answered yet
        intake.holdBackAnswers();
        try {
            // WHEN the device publishes an interval
            IMqttToken publish = device.publish(Topics.counts("direct-1"), new MqttMessage(interval(1), 1, false, null));
            RecordingCountIntake.Submission submission = intake.next("direct-1", WAIT);
            // THEN the intake has it, from the authenticated device, and the device has no PUBACK yet
            assertThat(submission.counts().authenticatedDevice()).isEqualTo("direct-1");
            Thread.sleep(300);
            assertThat(publish.isComplete()).isFalse();
            // AND once the intake answers "stored", the PUBACK arrives with success
            submission.store();
            publish.waitForCompletion(WAIT_MILLIS);
            assertThat(publish.getReasonCodes()).containsExactly(SUCCESS);
        } finally {
            intake.answerAtOnce();
        }
    }

    @Test
    void aRejectedIntervalIsAcknowledgedSoThatItIsNotSentForever() throws Exception {
        // GIVEN an intake that refuses the next interval
        intake.answerNext(RecordingCountIntake.rejected(Reasons.COUNT_NEGATIVE, "lanes[0].counts.Pkw"));
        // WHEN the device publishes it
        IMqttToken publish = MqttTestClients.publishQos1(device, Topics.counts("direct-1"), interval(2));
        // THEN it is acknowledged with success
        assertThat(publish.getReasonCodes()).containsExactly(SUCCESS);
    }

    @Test
    void anIntervalTheIntakeCannotStoreNowIsRefusedSoThatTheDeviceSendsItAgain() throws Exception {
        // GIVEN an intake whose database is down for the next interval
        intake.answerNext(RecordingCountIntake.unavailable());
        // WHEN the device publishes it
        IMqttToken publish = MqttTestClients.publishQos1(device, Topics.counts("direct-1"), interval(3));
        // THEN the PUBACK carries an error (MQTT 5), and the device keeps the interval
        assertThat(publish.getReasonCodes()).containsExactly(UNSPECIFIED_ERROR);
    }

    @Test
    void statusMessagesAreNotTakenForCounts() throws Exception {
        // WHEN the device publishes its heartbeat
        MqttTestClients.publishQos1(device, Topics.status("direct-1"), TestPayloads.statusJson("direct-1"));
        // THEN the count intake does not see it
        assertThat(intake.poll("direct-1", Duration.ofMillis(500))).isNull();
    }
}
