package org.roadpulse.ingest.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.testdoubles.CoapTestClients;
import org.roadpulse.ingest.testdoubles.ExternalClient;
import org.roadpulse.ingest.testdoubles.MqttTestClients;
import org.roadpulse.platform.access.Role;
import org.roadpulse.ingest.testing.HttpCalls;
import org.roadpulse.ingest.testing.TestLogins;
import org.roadpulse.ingest.testing.TestIntervals;
import org.roadpulse.protocol.DeviceSecrets;
import org.roadpulse.protocol.Topics;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Verifies a device's credential lifecycle through the admin API against the running service, with real clients on
 * every transport: a rotated secret is refused at once, a revoked device is refused everywhere and its live MQTT
 * connection and DTLS session end within seconds, a reinstated one gets in again, wrong or missing credentials are
 * refused on every protocol, and a device over its rate limit is slowed down, never made to lose a message.
 */
@Tag("slow")
class DeviceCredentialsEndToEndTest {

    private static final String JSON = "application/json";
    /** MQTT 5 CONNACK / DISCONNECT reason codes. */
    private static final int BAD_USER_NAME_OR_PASSWORD = 0x86;
    private static final int NOT_AUTHORIZED = 0x87;
    private static final int QUOTA_EXCEEDED = 0x97;
    /** Short, so that a request on a dropped DTLS session does not hold the test up: it is not answered at all. */
    private static final long COAP_TIMEOUT_MILLIS = 3_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static RunningService service;
    private static HttpCalls http;

    @BeforeAll
    static void startService() {
        // a small rate limit, which only the rate test reaches: the others send at most three messages per device
        service = RunningService.start(Map.of(
                "roadpulse.rate-limit.messages-per-second", 0.2,
                "roadpulse.rate-limit.burst", 5));
        // calls as an operator; a device's own calls name its secret, which goes instead of the operator's token
        http = TestLogins.operator(service.server);
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @Test
    void rotationShowsTheNewSecretOnceAndRefusesTheOldOneAtOnceOnEveryProtocol() throws Exception {
        // GIVEN a device connected over MQTT and with a DTLS session, both with its first secret
        String old = service.provision("cred-rotate-1");
        MqttAsyncClient mqtt = MqttTestClients.device(service.mqttUri(), "cred-rotate-1", old);
        CoapClient dtls = dtls("cred-rotate-1", old);
        assertThat(coapPost(dtls, "cred-rotate-1", 1).getCode()).isEqualTo(ResponseCode.CHANGED);

        // WHEN its secret is rotated
        HttpResponse<String> rotated = http.post("/api/v1/devices/cred-rotate-1/rotate", JSON, null, new byte[0]);

        // THEN the answer holds a new secret, which works on every protocol
        assertThat(rotated.statusCode()).isEqualTo(200);
        String fresh = json(rotated).get("secret").asText();
        assertThat(fresh).isNotEqualTo(old).hasSizeGreaterThanOrEqualTo(43);
        assertThat(http.post(countsPath("cred-rotate-1"), JSON, fresh, counts("cred-rotate-1", 2)).statusCode())
                .isEqualTo(200);
        CoapClient freshDtls = dtls("cred-rotate-1", fresh);
        assertThat(coapPost(freshDtls, "cred-rotate-1", 3).getCode()).isEqualTo(ResponseCode.CHANGED);
        // AND the old one is refused everywhere, the open MQTT connection and DTLS session included
        awaitDisconnected(mqtt, Duration.ofSeconds(5));
        assertThat(MqttTestClients.refusal(service.mqttUri(), "cred-rotate-1", "cred-rotate-1", old, null)
                .getReasonCode()).isEqualTo(BAD_USER_NAME_OR_PASSWORD);
        HttpResponse<String> oldHttp = http.post(countsPath("cred-rotate-1"), JSON, old, counts("cred-rotate-1", 4));
        assertThat(oldHttp.statusCode()).isEqualTo(401);
        assertThat(json(oldHttp).get("reason").asText()).isEqualTo("auth.invalid");
        assertThat(coapPlain("cred-rotate-1", old, 4).getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        CoapResponse onOldSession = coapPost(dtls, "cred-rotate-1", 4);
        assertThat(onOldSession == null ? null : onOldSession.getCode()).isNotEqualTo(ResponseCode.CHANGED);
        assertThat(service.storedMessages("cred-rotate-1")).isEqualTo(3);
        MqttTestClients.closeQuietly(mqtt);
        CoapTestClients.close(dtls);
        CoapTestClients.close(freshDtls);
    }

    @Test
    void aRevokedDeviceIsDisconnectedWithinSecondsAndRefusedOnEveryProtocol() throws Exception {
        // GIVEN a device that sends over MQTT (connection open) and CoAP with DTLS (session open)
        String secret = service.provision("cred-revoke-1");
        MqttAsyncClient mqtt = MqttTestClients.device(service.mqttUri(), "cred-revoke-1", secret);
        assertThat(MqttTestClients.publishQos1(mqtt, Topics.counts("cred-revoke-1"), counts("cred-revoke-1", 1))
                .getReasonCodes()[0]).isZero();
        CoapClient dtls = dtls("cred-revoke-1", secret);
        assertThat(coapPost(dtls, "cred-revoke-1", 2).getCode()).isEqualTo(ResponseCode.CHANGED);

        // WHEN an operator revokes it
        long revokedAt = System.nanoTime();
        HttpResponse<String> revoked = http.post("/api/v1/devices/cred-revoke-1/revoke", JSON, null, new byte[0]);

        // THEN the answer says so, and its MQTT connection is ended within seconds
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(json(revoked).get("state").asText()).isEqualTo("revoked");
        awaitDisconnected(mqtt, Duration.ofSeconds(5));
        System.out.printf("revoked device's MQTT connection ended %d ms after the revocation%n",
                (System.nanoTime() - revokedAt) / 1_000_000);
        // AND with its right secret it is refused on every protocol, saying why
        assertThat(MqttTestClients.refusal(service.mqttUri(), "cred-revoke-1", "cred-revoke-1", secret, null)
                .getReasonCode()).isEqualTo(NOT_AUTHORIZED);
        HttpResponse<String> overHttp = http.post(countsPath("cred-revoke-1"), JSON, secret, counts("cred-revoke-1", 3));
        assertThat(overHttp.statusCode()).isEqualTo(403);
        assertThat(json(overHttp).get("reason").asText()).isEqualTo("device.revoked");
        CoapResponse plain = coapPlain("cred-revoke-1", secret, 3);
        assertThat(plain.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(plain.getResponseText()).contains("device.revoked");
        CoapResponse onOpenSession = coapPost(dtls, "cred-revoke-1", 3);
        assertThat(onOpenSession == null ? null : onOpenSession.getCode()).isNotEqualTo(ResponseCode.CHANGED);
        CoapClient newSession = dtls("cred-revoke-1", secret);
        assertThat(coapPost(newSession, "cred-revoke-1", 3)).as("a new DTLS handshake").isNull();
        // AND nothing more was stored, and the list shows it revoked
        assertThat(service.storedMessages("cred-revoke-1")).isEqualTo(2);
        JsonNode listed = deviceInList("cred-revoke-1");
        assertThat(listed.get("enabled").asBoolean()).isFalse();
        assertThat(listed.get("revokedAt").isTextual()).isTrue();
        MqttTestClients.closeQuietly(mqtt);
        CoapTestClients.close(dtls);
        CoapTestClients.close(newSession);
    }

    @Test
    void aReinstatedDeviceGetsInAgainWithItsSecret() throws Exception {
        // GIVEN a revoked device
        String secret = service.provision("cred-reinstate-1");
        http.post("/api/v1/devices/cred-reinstate-1/revoke", JSON, null, new byte[0]);
        assertThat(http.post(countsPath("cred-reinstate-1"), JSON, secret, counts("cred-reinstate-1", 1))
                .statusCode()).isEqualTo(403);

        // WHEN it is reinstated
        HttpResponse<String> reinstated = http.post("/api/v1/devices/cred-reinstate-1/reinstate", JSON, null,
                new byte[0]);

        // THEN it may send again over every protocol with the same secret
        assertThat(json(reinstated).get("state").asText()).isEqualTo("active");
        assertThat(http.post(countsPath("cred-reinstate-1"), JSON, secret, counts("cred-reinstate-1", 1))
                .statusCode()).isEqualTo(200);
        MqttAsyncClient mqtt = MqttTestClients.device(service.mqttUri(), "cred-reinstate-1", secret);
        assertThat(mqtt.isConnected()).isTrue();
        MqttTestClients.closeQuietly(mqtt);
        assertThat(coapPlain("cred-reinstate-1", secret, 2).getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(deviceInList("cred-reinstate-1").hasNonNull("revokedAt")).isFalse();
    }

    @Test
    void lifecycleOfAnUnknownDeviceIsAnswered404WithItsReason() {
        for (String action : List.of("rotate", "revoke", "reinstate")) {
            HttpResponse<String> response = http.post("/api/v1/devices/nobody-here/" + action, JSON, null,
                    new byte[0]);
            assertThat(response.statusCode()).as(action).isEqualTo(404);
            assertThat(json(response).get("reason").asText()).as(action).isEqualTo("device.unknown");
        }
    }

    @Test
    void anotherMunicipalitysAdminFindsNoSuchDeviceAndAPlannerIsRefused() throws Exception {
        // GIVEN a Bexbach device, and an admin of Tholey and a planner of Bexbach
        String secret = service.provision("cred-foreign-1");
        HttpCalls tholeyAdmin = http.as(TestLogins.token(service.context, "admin.tholey",
                Set.of(Role.MUNICIPAL_ADMIN), Set.of("10046118")));
        HttpCalls bexbachPlanner = http.as(TestLogins.token(service.context, "planner.bexbach",
                Set.of(Role.PLANNER), Set.of(RunningService.MUNICIPALITY)));

        for (String action : List.of("rotate", "revoke", "reinstate")) {
            // WHEN they try to change its credentials
            HttpResponse<String> foreign = tholeyAdmin.post("/api/v1/devices/cred-foreign-1/" + action, JSON, null,
                    new byte[0]);
            HttpResponse<String> planner = bexbachPlanner.post("/api/v1/devices/cred-foreign-1/" + action, JSON,
                    null, new byte[0]);
            // THEN the admin of another municipality is told it does not exist, the planner has no right to it
            assertThat(foreign.statusCode()).as(action).isEqualTo(404);
            assertThat(json(foreign).get("reason").asText()).as(action).isEqualTo("device.unknown");
            assertThat(planner.statusCode()).as(action).isEqualTo(403);
        }
        // AND the device's secret still works
        assertThat(http.post(countsPath("cred-foreign-1"), JSON, secret, counts("cred-foreign-1", 1)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void wrongOrMissingCredentialsAreRefusedOnEveryProtocol() throws Exception {
        // GIVEN a registered device
        String secret = service.provision("cred-wrong-1");
        String wrong = "x".repeat(43);

        // THEN MQTT refuses a wrong secret and a missing password
        assertThat(MqttTestClients.refusal(service.mqttUri(), "cred-wrong-1", "cred-wrong-1", wrong, null)
                .getReasonCode()).isEqualTo(BAD_USER_NAME_OR_PASSWORD);
        assertThat(MqttTestClients.refusal(service.mqttUri(), "cred-wrong-1", "cred-wrong-1", null, null)
                .getReasonCode()).isEqualTo(BAD_USER_NAME_OR_PASSWORD);
        // AND HTTP answers 401 with the reason
        HttpResponse<String> missing = http.anonymous().post(countsPath("cred-wrong-1"), JSON, null,
                counts("cred-wrong-1", 1));
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(json(missing).get("reason").asText()).isEqualTo("auth.missing");
        HttpResponse<String> invalid = http.post(countsPath("cred-wrong-1"), JSON, wrong, counts("cred-wrong-1", 1));
        assertThat(invalid.statusCode()).isEqualTo(401);
        assertThat(json(invalid).get("reason").asText()).isEqualTo("auth.invalid");
        // AND plain CoAP answers 4.01, DTLS with a wrong key gets no session
        assertThat(coapPlain("cred-wrong-1", wrong, 1).getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(coapPlain("cred-wrong-1", null, 1).getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        CoapClient wrongKey = dtls("cred-wrong-1", wrong);
        assertThat(coapPost(wrongKey, "cred-wrong-1", 1)).isNull();
        CoapTestClients.close(wrongKey);
        // AND nothing was stored; the right secret still works
        assertThat(service.storedMessages("cred-wrong-1")).isZero();
        assertThat(coapPlain("cred-wrong-1", secret, 1).getCode()).isEqualTo(ResponseCode.CHANGED);
    }

    @Test
    void mosquittoPubOfARevokedDeviceIsRefused() throws Exception {
        assumeTrue(ExternalClient.installed("mosquitto_pub"), "mosquitto_pub not installed (mosquitto-clients)");
        // GIVEN a revoked device
        String secret = service.provision("cred-mosquitto-1");
        http.post("/api/v1/devices/cred-mosquitto-1/revoke", JSON, null, new byte[0]);
        // WHEN mosquitto_pub publishes one interval with its right secret
        String port = service.mqttUri().substring(service.mqttUri().lastIndexOf(':') + 1);
        ExternalClient.Outcome outcome = ExternalClient.run(Duration.ofSeconds(20), List.of("mosquitto_pub",
                "-h", "127.0.0.1", "-p", port, "-V", "mqttv5", "-q", "1", "-i", "cred-mosquitto-1",
                "-u", "cred-mosquitto-1", "-P", secret, "-t", Topics.counts("cred-mosquitto-1"),
                "-m", new String(counts("cred-mosquitto-1", 1))));
        // THEN the connection is refused, and nothing stored
        assertThat(outcome.exitCode()).as(outcome.output()).isNotZero();
        assertThat(outcome.output()).containsIgnoringCase("not authori");
        assertThat(service.storedMessages("cred-mosquitto-1")).isZero();
    }

    @Test
    void aDeviceOverItsRateLimitIsToldToSendLaterOnEveryProtocol() throws Exception {
        // GIVEN a device that has used up its burst of 5 messages (0.2 per second after that)
        String secret = service.provision("cred-flood-1");
        for (int seq = 1; seq <= 5; seq++) {
            assertThat(http.post(countsPath("cred-flood-1"), JSON, secret, counts("cred-flood-1", seq)).statusCode())
                    .isEqualTo(200);
        }
        // WHEN it sends a sixth at once over HTTP, CoAP and MQTT
        HttpResponse<String> overHttp = http.post(countsPath("cred-flood-1"), JSON, secret, counts("cred-flood-1", 6));
        CoapResponse overCoap = coapPlain("cred-flood-1", secret, 6);
        MqttAsyncClient mqtt = MqttTestClients.device(service.mqttUri(), "cred-flood-1", secret);
        IMqttToken overMqtt = MqttTestClients.publishQos1(mqtt, Topics.counts("cred-flood-1"),
                counts("cred-flood-1", 6));

        // THEN each says "later" with rate.exceeded, none refuses the payload for good, and it is not stored
        assertThat(overHttp.statusCode()).isEqualTo(429);
        assertThat(json(overHttp).get("reason").asText()).isEqualTo("rate.exceeded");
        assertThat(overHttp.headers().firstValue("Retry-After")).isPresent();
        assertThat(overCoap.getCode()).isEqualTo(ResponseCode.TOO_MANY_REQUESTS);
        assertThat(overCoap.getResponseText()).contains("rate.exceeded");
        assertThat(overCoap.getOptions().getMaxAge()).isPositive();
        assertThat(overMqtt.getReasonCodes()[0]).isEqualTo(QUOTA_EXCEEDED);
        assertThat(service.storedMessages("cred-flood-1")).isEqualTo(5);
        assertThat(service.db.number("SELECT count(*) FROM dead_letter WHERE claimed_device = 'cred-flood-1'"))
                .isZero();
        MqttTestClients.closeQuietly(mqtt);
    }

    private static CoapClient dtls(String deviceId, String secret) {
        CoapClient client = CoapTestClients.dtls(service.coapsUri() + "/v1/" + deviceId + "/counts", deviceId,
                DeviceSecrets.preSharedKey(secret));
        client.setTimeout(COAP_TIMEOUT_MILLIS);
        return client;
    }

    private static CoapResponse coapPost(CoapClient client, String deviceId, long seq) throws Exception {
        return client.post(counts(deviceId, seq), MediaTypeRegistry.APPLICATION_JSON);
    }

    private static CoapResponse coapPlain(String deviceId, String token, long seq) throws Exception {
        String query = token == null ? "" : "?token=" + token;
        CoapClient client = CoapTestClients.plain(service.coapUri() + "/v1/" + deviceId + "/counts" + query);
        try {
            return coapPost(client, deviceId, seq);
        } finally {
            CoapTestClients.close(client);
        }
    }

    private static void awaitDisconnected(MqttAsyncClient client, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (client.isConnected()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the MQTT client is still connected after " + within.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    private static byte[] counts(String deviceId, long seq) {
        return TestIntervals.json(TestIntervals.recent(deviceId, seq, Instant.now()));
    }

    private static String countsPath(String deviceId) {
        return "/api/v1/devices/" + deviceId + "/counts";
    }

    private static JsonNode deviceInList(String deviceId) throws IOException {
        for (JsonNode device : MAPPER.readTree(http.get("/api/v1/devices").body())) {
            if (device.get("id").asText().equals(deviceId)) {
                return device;
            }
        }
        throw new AssertionError(deviceId + " not in the list");
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }
}
