package org.roadpulse.ingest.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.ingest.broker.EmbeddedBroker;
import org.roadpulse.ingest.broker.ServiceAccount;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.ingest.testdoubles.InMemoryDeviceRegistry;
import org.roadpulse.ingest.testdoubles.MqttTestClients;
import org.roadpulse.ingest.testdoubles.RecordingCountIntake;
import org.roadpulse.ingest.testdoubles.RecordingCountIntake.Submission;
import org.roadpulse.ingest.testdoubles.TestPayloads;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.StatusReport;
import org.roadpulse.protocol.Topics;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadpulse.ingest.testdoubles.MqttTestClients.closeQuietly;

/**
 * Verifies that the MQTT intake takes devices' messages from the embedded broker's shared subscription and
 * acknowledges each only once the intake has committed or refused it.
 */
@Tag("slow")
class MqttIntakeTest {

    static final ServiceAccount SERVICE = new ServiceAccount("roadpulse-ingest", "service-secret");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path folder;
    private static final InMemoryDeviceRegistry devices = new InMemoryDeviceRegistry();
    private static EmbeddedBroker broker;

    private final RecordingCountIntake intake = new RecordingCountIntake();
    private MqttIntake mqtt;
    private MqttAsyncClient device;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(folder, 0, 100_000, devices, SERVICE);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void startIntake() throws InterruptedException {
        mqtt = startedIntake(intake);
    }

    @AfterEach
    void stopIntake() {
        closeQuietly(device);
        mqtt.close();
    }

    @Test
    void countsOfAnAuthenticatedDeviceReachTheIntakeAsThatDevice() throws Exception {
        // GIVEN a registered device connected with its secret
        device = connectedDevice("mqtt-first");
        // WHEN it publishes an interval on its counts topic
        MqttTestClients.publishQos1(device, Topics.counts("mqtt-first"), TestPayloads.countsJson("mqtt-first", 1));
        // THEN the intake gets the payload from that device, over MQTT, as JSON
        Submission submission = intake.next("mqtt-first", WAIT);
        assertThat(submission.counts().transport()).isEqualTo(Transport.MQTT);
        assertThat(submission.counts().encoding()).isEqualTo(Encoding.JSON);
        assertThat(submission.counts().payload()).isEqualTo(TestPayloads.countsJson("mqtt-first", 1));
    }

    /*
     * Through a broker, a device's PUBACK only says that the broker has the message; the end-to-end guarantee is
     * that the broker keeps it until the service's own PUBACK, which must wait for the commit. So: a service that
     * stops before its intake answered gets the message again.
     */
    @Test
    void messageIsAcknowledgedToTheBrokerOnlyAfterTheIntakeCommitted() throws Exception {
        // GIVEN an intake that holds its answer back, and a message it received
        intake.holdBackAnswers();
        device = connectedDevice("mqtt-hold");
        MqttTestClients.publishQos1(device, Topics.counts("mqtt-hold"), TestPayloads.countsJson("mqtt-hold", 1));
        Submission first = intake.next("mqtt-hold", WAIT);
        // WHEN the service stops before the intake committed it
        mqtt.close();
        // THEN the broker delivers it again after the restart
        RecordingCountIntake restarted = new RecordingCountIntake();
        mqtt = startedIntake(restarted);
        assertThat(restarted.next("mqtt-hold", WAIT).counts().payload()).isEqualTo(first.counts().payload());
        // AND once it was stored (and acknowledged), not any more
        mqtt.close();
        mqtt = startedIntake(restarted);
        assertThat(restarted.poll("mqtt-hold", Duration.ofSeconds(1))).isNull();
    }

    @Test
    void rejectedPayloadIsAcknowledgedAndNotDeliveredAgain() throws Exception {
        // GIVEN an intake that refuses the next payload
        intake.answerNext(RecordingCountIntake.rejected(Reasons.COUNT_NEGATIVE, "lanes[0].counts.Pkw"));
        device = connectedDevice("mqtt-bad");
        // WHEN the device publishes it
        IMqttToken publish = MqttTestClients.publishQos1(device, Topics.counts("mqtt-bad"),
                TestPayloads.countsJson("mqtt-bad", 1));
        // THEN it is acknowledged, and the broker does not send it again
        assertThat(publish.getReasonCodes()).containsExactly(0);
        intake.next("mqtt-bad", WAIT);
        assertThat(intake.poll("mqtt-bad", Duration.ofMillis(1500))).isNull();
    }

    @Test
    void messageTheIntakeCouldNotTakeIsDeliveredAgainAndThenStored() throws Exception {
        // GIVEN an intake that is unavailable once
        intake.answerNext(RecordingCountIntake.unavailable());
        device = connectedDevice("mqtt-retry");
        // WHEN the device publishes
        MqttTestClients.publishQos1(device, Topics.counts("mqtt-retry"), TestPayloads.countsJson("mqtt-retry", 5));
        // THEN the message comes to the intake a second time and is stored
        Submission first = intake.next("mqtt-retry", WAIT);
        Submission second = intake.next("mqtt-retry", WAIT);
        assertThat(second.counts().payload()).isEqualTo(first.counts().payload());
        assertThat(second.answer()).isCompleted();
        // AND is then acknowledged: it does not come a third time
        assertThat(intake.poll("mqtt-retry", Duration.ofSeconds(1))).isNull();
    }

    @Test
    void messagesSentWhileTheIntakeWasDownArriveWhenItComesBack() throws Exception {
        // GIVEN the intake was subscribed once and is now stopped
        mqtt.close();
        device = connectedDevice("mqtt-offline");
        // WHEN the device publishes meanwhile
        for (int seq = 1; seq <= 3; seq++) {
            MqttTestClients.publishQos1(device, Topics.counts("mqtt-offline"), TestPayloads.countsJson("mqtt-offline", seq));
        }
        // THEN a restarted intake receives every message
        mqtt = startedIntake(intake);
        for (int seq = 1; seq <= 3; seq++) {
            assertThat(intake.next("mqtt-offline", WAIT).payloadText()).contains("\"seq\":" + seq);
        }
    }

    @Test
    void burstLargerThanHiveMqsDefaultQueueIsKeptWhileTheIntakeIsDown() throws Exception {
        // GIVEN the intake is stopped
        mqtt.close();
        device = connectedDevice("mqtt-burst");
        // WHEN the device sends more than the 1,000 messages HiveMQ queues by default
        int burst = 1500;
        for (int seq = 1; seq <= burst; seq++) {
            MqttTestClients.publishQos1(device, Topics.counts("mqtt-burst"), TestPayloads.countsJson("mqtt-burst", seq));
        }
        // THEN all of them arrive once the intake is back
        mqtt = startedIntake(intake);
        for (int i = 0; i < burst; i++) {
            intake.next("mqtt-burst", WAIT);
        }
        assertThat(intake.poll("mqtt-burst", Duration.ofMillis(300))).isNull();
    }

    @Test
    void contentTypeOfMqtt5ChoosesTheEncoding() throws Exception {
        device = connectedDevice("mqtt-cbor");
        MqttProperties properties = new MqttProperties();
        properties.setContentType(Encoding.CBOR.mediaType());
        // WHEN a payload arrives declared as CBOR
        device.publish(Topics.counts("mqtt-cbor"), new MqttMessage(new byte[]{(byte) 0xA1, 0x61, 'v', 0x01}, 1,
                false, properties)).waitForCompletion(WAIT.toMillis());
        // THEN the intake is told CBOR
        assertThat(intake.next("mqtt-cbor", WAIT).counts().encoding()).isEqualTo(Encoding.CBOR);
    }

    @Test
    void statusReportIsRecordedInTheRegistry() throws Exception {
        device = connectedDevice("mqtt-status");
        MqttTestClients.publishQos1(device, Topics.status("mqtt-status"), TestPayloads.statusJson("mqtt-status"));
        StatusReport status = devices.nextStatus(WAIT);
        assertThat(status).isNotNull();
        assertThat(status.deviceId()).isEqualTo("mqtt-status");
        assertThat(status.state()).isEqualTo(StatusReport.State.ONLINE);
    }

    @Test
    void countsPublishedOnAnotherDevicesTopicNeverReachTheIntake() throws Exception {
        devices.register("mqtt-victim");
        device = connectedDevice("mqtt-intruder");
        device.publish(Topics.counts("mqtt-victim"), new MqttMessage(TestPayloads.countsJson("mqtt-victim", 1), 1,
                false, null));
        assertThat(intake.poll("mqtt-victim", Duration.ofSeconds(1))).isNull();
    }

    @Test
    void silentConsumersReconnectAndStillReceive() throws Exception {
        // GIVEN consumers that reconnect after half a second of silence
        mqtt.close();
        mqtt = startedIntake(intake, broker, devices, Duration.ofMillis(500));
        // WHEN nothing is published for a while
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (mqtt.tally().get("idleReconnects") < 4 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // THEN they have reconnected, and a device's counts still reach the intake
        assertThat(mqtt.tally().get("idleReconnects")).isGreaterThanOrEqualTo(4);
        assertThat(mqtt.awaitConsuming(WAIT)).isTrue();
        device = connectedDevice("mqtt-after-silence");
        MqttTestClients.publishQos1(device, Topics.counts("mqtt-after-silence"),
                TestPayloads.countsJson("mqtt-after-silence", 1));
        assertThat(intake.next("mqtt-after-silence", WAIT)).isNotNull();
    }

    @Test
    void healthCountsTheConsumingClients() {
        MqttIntakeHealth health = new MqttIntakeHealth(mqtt);
        assertThat(health.result().getStatus().getName()).isEqualTo("UP");
        assertThat(mqtt.consumingCount()).isEqualTo(2);
    }

    private MqttAsyncClient connectedDevice(String deviceId) throws Exception {
        return MqttTestClients.device(broker.address().url(), deviceId, devices.register(deviceId));
    }

    static MqttIntake startedIntake(RecordingCountIntake intake, EmbeddedBroker broker,
                                    InMemoryDeviceRegistry devices) throws InterruptedException {
        return startedIntake(intake, broker, devices, Duration.ofMinutes(1));
    }

    static MqttIntake startedIntake(RecordingCountIntake intake, EmbeddedBroker broker,
                                    InMemoryDeviceRegistry devices, Duration idleReconnect)
            throws InterruptedException {
        MqttIntake mqtt = new MqttIntake(broker.address().url(), SERVICE, 2, intake, devices, Clock.systemUTC(),
                Duration.ofMillis(200), Duration.ofSeconds(2), idleReconnect);
        mqtt.start();
        assertThat(mqtt.awaitConsuming(WAIT)).as("consumers subscribed").isTrue();
        return mqtt;
    }

    private MqttIntake startedIntake(RecordingCountIntake intake) throws InterruptedException {
        return startedIntake(intake, broker, devices);
    }
}
