package org.roadpulse.ingest.coap;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.testdoubles.CoapTestClients;
import org.roadpulse.ingest.testdoubles.InMemoryDeviceRegistry;
import org.roadpulse.ingest.testdoubles.RecordingCountIntake;
import org.roadpulse.ingest.testdoubles.TestPayloads;
import org.roadpulse.protocol.DeviceSecrets;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies CoAP over DTLS: the pre-shared key derived from the device's secret is its identity and its proof. */
class CoapDtlsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final InMemoryDeviceRegistry devices = new InMemoryDeviceRegistry();
    private static final RecordingCountIntake intake = new RecordingCountIntake();
    private static CoapIntake coap;
    private CoapClient client;

    @BeforeAll
    static void start() {
        coap = new CoapIntake(CoapIntake.OFF, 0, intake, devices, id -> Optional.empty(), Clock.systemUTC());
        coap.start();
    }

    @AfterAll
    static void stop() {
        coap.close();
    }

    @AfterEach
    void closeClient() {
        CoapTestClients.close(client);
    }

    @Test
    void deviceWithItsPreSharedKeyIsStoredAndAnsweredWithChanged() throws Exception {
        // GIVEN a device that knows its secret, and so its derived key
        String secret = devices.register("dtls-ok");
        client = CoapTestClients.dtls(uri("dtls-ok"), "dtls-ok", DeviceSecrets.preSharedKey(secret));
        // WHEN it POSTs over DTLS without any token
        CoapResponse response = client.post(TestPayloads.countsJson("dtls-ok", 1), MediaTypeRegistry.APPLICATION_JSON);
        // THEN 2.04, and the intake got the payload as that device's
        assertThat(response).isNotNull();
        assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(intake.next("dtls-ok", WAIT).counts().authenticatedDevice()).isEqualTo("dtls-ok");
    }

    @Test
    void wrongKeyFailsTheHandshake() throws Exception {
        devices.register("dtls-wrong");
        client = CoapTestClients.dtls(uri("dtls-wrong"), "dtls-wrong", DeviceSecrets.preSharedKey("not-the-secret"));
        client.setTimeout(3_000L);
        assertThat(postOrNull()).isNull();
        assertThat(intake.poll("dtls-wrong", Duration.ofMillis(200))).isNull();
    }

    @Test
    void unknownIdentityFailsTheHandshake() throws Exception {
        client = CoapTestClients.dtls(uri("dtls-nobody"), "dtls-nobody", DeviceSecrets.preSharedKey("whatever"));
        client.setTimeout(3_000L);
        assertThat(postOrNull()).isNull();
    }

    @Test
    void deviceMayNotPostBelowAnotherDevicesPath() throws Exception {
        devices.register("dtls-victim");
        String secret = devices.register("dtls-intruder");
        client = CoapTestClients.dtls(uri("dtls-victim"), "dtls-intruder", DeviceSecrets.preSharedKey(secret));
        CoapResponse response = client.post(TestPayloads.countsJson("dtls-victim", 1), MediaTypeRegistry.APPLICATION_JSON);
        assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(intake.poll("dtls-victim", Duration.ofMillis(200))).isNull();
    }

    /** The response, or null when the request failed (a failed handshake ends it with an error or a timeout). */
    private CoapResponse postOrNull() {
        try {
            return client.post(TestPayloads.countsJson("x", 1), MediaTypeRegistry.APPLICATION_JSON);
        } catch (Exception e) {
            return null;
        }
    }

    private static String uri(String deviceId) {
        return "coaps://127.0.0.1:" + coap.dtlsPort() + "/v1/" + deviceId + "/counts";
    }
}
