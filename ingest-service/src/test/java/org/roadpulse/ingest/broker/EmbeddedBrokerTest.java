package org.roadpulse.ingest.broker;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.ingest.testdoubles.InMemoryDeviceRegistry;
import org.roadpulse.ingest.testdoubles.MqttTestClients;
import org.roadpulse.ingest.testdoubles.MqttTestClients.LastWill;
import org.roadpulse.ingest.testdoubles.TestPayloads;
import org.roadpulse.protocol.Topics;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadpulse.ingest.testdoubles.MqttTestClients.WAIT_MILLIS;
import static org.roadpulse.ingest.testdoubles.MqttTestClients.closeQuietly;

/** Verifies that the embedded broker lets in only registered devices and the service, each to its own topics. */
@Tag("slow")
class EmbeddedBrokerTest {

    private static final int BAD_USERNAME_OR_PASSWORD = 0x86;
    private static final int CLIENT_ID_NOT_VALID = 0x85;
    private static final int NOT_AUTHORIZED = 0x87;
    private static final ServiceAccount SERVICE = new ServiceAccount("roadpulse-ingest", "service-secret");

    @TempDir
    static Path folder;
    private static final InMemoryDeviceRegistry devices = new InMemoryDeviceRegistry();
    private static EmbeddedBroker broker;
    private static String url;
    private static String secretA;
    private static String secretB;

    @BeforeAll
    static void startBroker() {
        secretA = devices.register("dev-a");
        secretB = devices.register("dev-b");
        broker = EmbeddedBroker.start(folder, 0, 100_000, devices, SERVICE);
        url = broker.address().url();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void registeredDeviceWithItsSecretIsLetIn() throws MqttException {
        // GIVEN a registered device  WHEN it connects with its id and secret
        MqttAsyncClient client = MqttTestClients.device(url, "dev-a", secretA);
        // THEN it is connected
        assertThat(client.isConnected()).isTrue();
        closeQuietly(client);
    }

    @Test
    void wrongSecretIsRefused() {
        // GIVEN a registered device  WHEN it connects with another device's secret
        MqttException refusal = MqttTestClients.refusal(url, "dev-a", "dev-a", secretB, null);
        // THEN CONNACK says bad user name or password
        assertThat(refusal.getReasonCode()).isEqualTo(BAD_USERNAME_OR_PASSWORD);
    }

    @Test
    void unknownDeviceIsRefused() {
        MqttException refusal = MqttTestClients.refusal(url, "dev-x", "dev-x", secretA, null);
        assertThat(refusal.getReasonCode()).isEqualTo(BAD_USERNAME_OR_PASSWORD);
    }

    @Test
    void anonymousClientIsRefused() {
        MqttException refusal = MqttTestClients.refusal(url, "anonymous", null, null, null);
        assertThat(refusal.getReasonCode()).isEqualTo(BAD_USERNAME_OR_PASSWORD);
    }

    @Test
    void serviceAccountWithWrongPasswordIsRefused() {
        MqttException refusal = MqttTestClients.refusal(url, "roadpulse-ingest-9", SERVICE.username(), secretA, null);
        assertThat(refusal.getReasonCode()).isEqualTo(BAD_USERNAME_OR_PASSWORD);
    }

    @Test
    void deviceMustUseItsIdAsClientId() {
        // GIVEN a device with the right secret  WHEN it uses the service's client id (to take over its session)
        MqttException refusal = MqttTestClients.refusal(url, "roadpulse-ingest-0", "dev-a", secretA, null);
        // THEN it is refused
        assertThat(refusal.getReasonCode()).isEqualTo(CLIENT_ID_NOT_VALID);
    }

    @Test
    void devicePublishingOnAnotherDevicesTopicIsNotAuthorizedAndNothingIsDelivered() throws Exception {
        // GIVEN the service listening on the shared subscription, and device A connected
        BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
        MqttAsyncClient service = serviceListener(delivered);
        MqttAsyncClient deviceA = MqttTestClients.device(url, "dev-a", secretA);
        try {
            // WHEN A publishes counts on B's topic
            IMqttToken token = MqttTestClients.publishQos1(deviceA, Topics.counts("dev-b"),
                    TestPayloads.countsJson("dev-b", 1));
            // THEN the broker answers "not authorized" (and drops the connection), and the service receives nothing
            assertThat(token.getReasonCodes()).containsExactly(NOT_AUTHORIZED);
            assertThat(delivered.poll(500, TimeUnit.MILLISECONDS)).isNull();
            // AND A's own topic still works
            closeQuietly(deviceA);
            deviceA = MqttTestClients.device(url, "dev-a", secretA);
            MqttTestClients.publishQos1(deviceA, Topics.counts("dev-a"), TestPayloads.countsJson("dev-a", 1));
            assertThat(delivered.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo(Topics.counts("dev-a"));
        } finally {
            closeQuietly(deviceA);
            closeQuietly(service);
        }
    }

    @Test
    void deviceMayNotSubscribeToAnotherDevicesConfig() throws Exception {
        MqttAsyncClient deviceA = MqttTestClients.device(url, "dev-a", secretA);
        try {
            IMqttToken own = deviceA.subscribe(new MqttSubscription(Topics.config("dev-a"), 1));
            own.waitForCompletion(WAIT_MILLIS);
            IMqttToken other = deviceA.subscribe(new MqttSubscription(Topics.config("dev-b"), 1));
            other.waitForCompletion(WAIT_MILLIS);
            assertThat(own.getReasonCodes()).containsExactly(1);
            assertThat(other.getReasonCodes()).containsExactly(NOT_AUTHORIZED);
        } finally {
            closeQuietly(deviceA);
        }
    }

    @Test
    void deviceMayNotReadTheSharedSubscription() throws Exception {
        MqttAsyncClient deviceA = MqttTestClients.device(url, "dev-a", secretA);
        try {
            IMqttToken token = deviceA.subscribe(new MqttSubscription(Topics.SHARED_COUNTS_SUBSCRIPTION, 1));
            token.waitForCompletion(WAIT_MILLIS);
            assertThat(token.getReasonCodes()).containsExactly(NOT_AUTHORIZED);
        } finally {
            closeQuietly(deviceA);
        }
    }

    @Test
    void lastWillOnAnotherDevicesTopicIsRefused() {
        MqttException refusal = MqttTestClients.refusal(url, "dev-a", "dev-a", secretA,
                new LastWill(Topics.status("dev-b"), "{\"state\":\"offline\"}"));
        assertThat(refusal.getReasonCode()).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void lastWillOnItsOwnStatusTopicIsAccepted() throws MqttException {
        MqttAsyncClient client = MqttTestClients.connected(url, "dev-a", "dev-a", secretA,
                new LastWill(Topics.status("dev-a"), "{\"state\":\"offline\"}"));
        assertThat(client.isConnected()).isTrue();
        closeQuietly(client);
    }

    private static MqttAsyncClient serviceListener(BlockingQueue<String> delivered) throws MqttException {
        MqttAsyncClient service = MqttTestClients.connected(url, "roadpulse-ingest-test", SERVICE.username(),
                SERVICE.password(), null);
        int[] granted = MqttTestClients.subscribe(service, Topics.SHARED_COUNTS_SUBSCRIPTION,
                (topic, message) -> delivered.add(topic));
        assertThat(granted).containsExactly(1);
        return service;
    }
}
