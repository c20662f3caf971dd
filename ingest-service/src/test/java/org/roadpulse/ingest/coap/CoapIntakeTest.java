package org.roadpulse.ingest.coap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.ingest.testdoubles.CoapTestClients;
import org.roadpulse.ingest.testdoubles.InMemoryDeviceRegistry;
import org.roadpulse.ingest.testdoubles.RecordingCountIntake;
import org.roadpulse.ingest.testdoubles.RecordingCountIntake.Submission;
import org.roadpulse.ingest.testdoubles.TestPayloads;
import org.roadpulse.protocol.DeviceConfig;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.StatusCodec;
import org.roadpulse.protocol.StatusReport;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the CoAP intake over plain UDP with a token: every answer waits for the intake and says what became of
 * the payload, with the rejection's reason in the body.
 */
class CoapIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final InMemoryDeviceRegistry devices = new InMemoryDeviceRegistry();
    private static final Map<String, DeviceConfig> configs = new ConcurrentHashMap<>();
    private static final RecordingCountIntake intake = new RecordingCountIntake();
    private static CoapIntake coap;
    private CoapClient client;

    @BeforeAll
    static void start() {
        coap = new CoapIntake(0, CoapIntake.OFF, intake, devices, id -> Optional.ofNullable(configs.get(id)),
                Clock.systemUTC());
        coap.start();
    }

    @AfterAll
    static void stop() {
        coap.close();
    }

    @AfterEach
    void closeClient() {
        intake.answerAtOnce();
        CoapTestClients.close(client);
    }

    @Test
    void countsWithTheDevicesTokenAreStoredAndAnsweredWithChanged() throws Exception {
        // GIVEN a registered device
        String secret = devices.register("coap-ok");
        // WHEN it POSTs a JSON interval with its token
        CoapResponse response = post("coap-ok", "token=" + secret, TestPayloads.countsJson("coap-ok", 7),
                MediaTypeRegistry.APPLICATION_JSON);
        // THEN 2.04 says stored, and the intake got the payload from that device over CoAP
        assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        JsonNode body = body(response);
        assertThat(body.path("status").asText()).isEqualTo("stored");
        assertThat(body.path("device").asText()).isEqualTo("coap-ok");
        assertThat(body.path("seq").asLong()).isEqualTo(7);
        Submission submission = intake.next("coap-ok", WAIT);
        assertThat(submission.counts().transport()).isEqualTo(Transport.COAP);
        assertThat(submission.counts().encoding()).isEqualTo(Encoding.JSON);
    }

    @Test
    void answerWaitsUntilTheIntakeCommitted() throws Exception {
        String secret = devices.register("coap-wait");
        intake.holdBackAnswers();
        // WHEN the device POSTs while the intake has not committed yet
        CompletableFuture<CoapResponse> answer = new CompletableFuture<>();
        client = CoapTestClients.plain(uri("coap-wait", "counts", "token=" + secret));
        client.post(handler(answer), TestPayloads.countsJson("coap-wait", 1), MediaTypeRegistry.APPLICATION_JSON);
        Submission submission = intake.next("coap-wait", WAIT);
        // THEN no answer yet
        Thread.sleep(500);
        assertThat(answer).isNotDone();
        // AND 2.04 once the intake committed
        submission.store();
        assertThat(answer.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(ResponseCode.CHANGED);
    }

    @Test
    void duplicateIsAnsweredWithChangedAndSaysSo() throws Exception {
        String secret = devices.register("coap-dup");
        intake.answerNext(new IntakeResult.Stored("coap-dup", 3, true));
        CoapResponse response = post("coap-dup", "token=" + secret, TestPayloads.countsJson("coap-dup", 3),
                MediaTypeRegistry.APPLICATION_JSON);
        assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(body(response).path("status").asText()).isEqualTo("duplicate");
    }

    @Test
    void wrongTokenIsUnauthorized() throws Exception {
        devices.register("coap-wrong");
        CoapResponse response = post("coap-wrong", "token=guessed", TestPayloads.countsJson("coap-wrong", 1),
                MediaTypeRegistry.APPLICATION_JSON);
        assertThat(response.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(body(response).path("reason").asText()).isEqualTo(Reasons.AUTH_INVALID);
        assertThat(intake.poll("coap-wrong", Duration.ofMillis(200))).isNull();
    }

    @Test
    void missingTokenIsUnauthorized() throws Exception {
        devices.register("coap-none");
        CoapResponse response = post("coap-none", null, TestPayloads.countsJson("coap-none", 1),
                MediaTypeRegistry.APPLICATION_JSON);
        assertThat(response.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(body(response).path("reason").asText()).isEqualTo(Reasons.AUTH_MISSING);
    }

    @Test
    void tokenOfAnotherDeviceOnThisDevicesPathIsForbidden() throws Exception {
        devices.register("coap-victim");
        String intruderSecret = devices.register("coap-intruder");
        // WHEN a device names itself in its token but posts below another device's path
        CoapResponse response = post("coap-victim", "token=coap-intruder:" + intruderSecret,
                TestPayloads.countsJson("coap-victim", 1), MediaTypeRegistry.APPLICATION_JSON);
        // THEN 4.03 device mismatch, and nothing reaches the intake
        assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(body(response).path("reason").asText()).isEqualTo(Reasons.DEVICE_MISMATCH);
        assertThat(intake.poll("coap-victim", Duration.ofMillis(200))).isNull();
    }

    @Test
    void rejectedPayloadIsABadRequestNamingTheReason() throws Exception {
        String secret = devices.register("coap-bad");
        intake.answerNext(RecordingCountIntake.rejected(Reasons.COUNT_NEGATIVE, "lanes[0].counts.Pkw"));
        CoapResponse response = post("coap-bad", "token=" + secret, TestPayloads.countsJson("coap-bad", 1),
                MediaTypeRegistry.APPLICATION_JSON);
        assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
        JsonNode body = body(response);
        assertThat(body.path("reason").asText()).isEqualTo(Reasons.COUNT_NEGATIVE);
        assertThat(body.path("field").asText()).isEqualTo("lanes[0].counts.Pkw");
        assertThat(body.path("message").asText()).isNotEmpty();
    }

    @Test
    void unavailableIntakeIsServiceUnavailableWithARetryHint() throws Exception {
        String secret = devices.register("coap-busy");
        intake.answerNext(RecordingCountIntake.unavailable());
        CoapResponse response = post("coap-busy", "token=" + secret, TestPayloads.countsJson("coap-busy", 1),
                MediaTypeRegistry.APPLICATION_JSON);
        assertThat(response.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
        assertThat(response.getOptions().getMaxAge()).isEqualTo(CoapReplies.RETRY_AFTER_SECONDS);
    }

    @Test
    void contentFormatOtherThanJsonOrCborIsUnsupported() throws Exception {
        String secret = devices.register("coap-text");
        CoapResponse response = post("coap-text", "token=" + secret, TestPayloads.countsJson("coap-text", 1),
                MediaTypeRegistry.TEXT_PLAIN);
        assertThat(response.getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(body(response).path("reason").asText()).isEqualTo(Reasons.ENCODING_UNSUPPORTED);
    }

    @Test
    void payloadWithoutContentFormatIsRecognisedByItsFirstByte() throws Exception {
        String secret = devices.register("coap-sniff");
        post("coap-sniff", "token=" + secret, new byte[]{(byte) 0xA1, 0x61, 'v', 0x01}, MediaTypeRegistry.UNDEFINED);
        assertThat(intake.next("coap-sniff", WAIT).counts().encoding()).isEqualTo(Encoding.CBOR);
    }

    @Test
    void oversizedPayloadIsRefusedBeforeTheIntake() throws Exception {
        String secret = devices.register("coap-big");
        byte[] big = new byte[20 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        CoapResponse response = post("coap-big", "token=" + secret, big, MediaTypeRegistry.APPLICATION_JSON);
        assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
        assertThat(intake.poll("coap-big", Duration.ofMillis(200))).isNull();
    }

    @Test
    void statusReportIsRecorded() throws Exception {
        String secret = devices.register("coap-status");
        client = CoapTestClients.plain(uri("coap-status", "status", "token=" + secret));
        CoapResponse response = client.post(TestPayloads.statusJson("coap-status"), MediaTypeRegistry.APPLICATION_JSON);
        assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        StatusReport status = devices.nextStatus(WAIT);
        assertThat(status.deviceId()).isEqualTo("coap-status");
    }

    @Test
    void statusReportNamingAnotherDeviceIsForbidden() throws Exception {
        String secret = devices.register("coap-liar");
        client = CoapTestClients.plain(uri("coap-liar", "status", "token=" + secret));
        CoapResponse response = client.post(TestPayloads.statusJson("coap-other"), MediaTypeRegistry.APPLICATION_JSON);
        assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
    }

    @Test
    void observedConfigurationIsPushedWhenItChanges() throws Exception {
        String secret = devices.register("coap-cfg");
        configs.put("coap-cfg", new DeviceConfig(300, 60));
        BlockingQueue<CoapResponse> notifications = new LinkedBlockingQueue<>();
        client = CoapTestClients.plain(uri("coap-cfg", "config", "token=" + secret));
        // GIVEN the device observes its configuration
        CoapObserveRelation relation = client.observeAndWait(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                notifications.add(response);
            }

            @Override
            public void onError() {
            }
        });
        CoapResponse first = notifications.poll(10, TimeUnit.SECONDS);
        assertThat(first.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(StatusCodec.decodeConfig(first.getPayload(), Encoding.JSON).value()).isEqualTo(new DeviceConfig(300, 60));
        // WHEN the platform changes it
        configs.put("coap-cfg", new DeviceConfig(900, 120));
        coap.configChanged("coap-cfg");
        // THEN the device is notified with the new one
        CoapResponse pushed = notifications.poll(10, TimeUnit.SECONDS);
        assertThat(pushed).isNotNull();
        assertThat(StatusCodec.decodeConfig(pushed.getPayload(), Encoding.JSON).value()).isEqualTo(new DeviceConfig(900, 120));
        relation.proactiveCancel();
    }

    @Test
    void configurationNotSetYetIsNotFound() throws Exception {
        String secret = devices.register("coap-nocfg");
        client = CoapTestClients.plain(uri("coap-nocfg", "config", "token=" + secret));
        assertThat(client.get().getCode()).isEqualTo(ResponseCode.NOT_FOUND);
    }

    private CoapResponse post(String deviceId, String query, byte[] payload, int contentFormat) throws Exception {
        client = CoapTestClients.plain(uri(deviceId, "counts", query));
        CoapResponse response = client.post(payload, contentFormat);
        assertThat(response).as("a response within the timeout").isNotNull();
        return response;
    }

    private static String uri(String deviceId, String resource, String query) {
        return "coap://127.0.0.1:" + coap.port() + "/v1/" + deviceId + "/" + resource + (query == null ? "" : "?" + query);
    }

    private static JsonNode body(CoapResponse response) throws IOException {
        return JSON.readTree(response.getPayload());
    }

    private static CoapHandler handler(CompletableFuture<CoapResponse> answer) {
        return new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                answer.complete(response);
            }

            @Override
            public void onError() {
                answer.completeExceptionally(new AssertionError("request failed"));
            }
        };
    }
}
