package org.roadpulse.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.testing.HttpCalls;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestIntervals;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.Limits;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP intake as a device sees it: status codes and bodies for every outcome. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpIntakeTest implements TestPropertyProvider {

    private static final String DEVICE = "mettlach-http-1";
    private static final String OTHER = "mettlach-http-2";
    private static final String JSON = "application/json";
    private final TestDatabase db = TestPostgres.freshDatabase();
    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    DeviceRegistry devices;

    private HttpCalls http;
    private String secret;
    private String otherSecret;

    @Override
    public Map<String, String> getProperties() {
        return db.servicePropertiesInTempFolder();
    }

    @BeforeAll
    void registerDevices() {
        // Devices send with their own secret: no person is logged in
        http = new HttpCalls(server.getURL());
        secret = devices.provision(DEVICE, "10042114", "Mettlach – HTTP-Test", null).secret();
        otherSecret = devices.provision(OTHER, "10042114", "Mettlach – HTTP-Test 2", null).secret();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void storedIntervalIsAnsweredStoredThenDuplicate() throws IOException {
        // GIVEN a valid interval
        byte[] payload = TestIntervals.json(interval(DEVICE, 1));

        // WHEN it is posted twice
        HttpResponse<String> first = postCounts(DEVICE, JSON, secret, payload);
        HttpResponse<String> second = postCounts(DEVICE, JSON, secret, payload);

        // THEN the first is stored, the second is a duplicate, both 200
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first)).isEqualTo(mapper.readTree("{\"status\":\"stored\",\"device\":\"" + DEVICE
                + "\",\"seq\":1}"));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).get("status").asText()).isEqualTo("duplicate");
        assertThat(db.number("SELECT count(*) FROM count_message WHERE device_id = ?", DEVICE)).isEqualTo(1);
    }

    @Test
    void cborIsAcceptedLikeJson() {
        // GIVEN the CBOR encoding of a valid interval
        byte[] payload = TestIntervals.cbor(interval(DEVICE, 2));

        // WHEN it is posted as application/cbor
        HttpResponse<String> response = postCounts(DEVICE, "application/cbor", secret, payload);

        // THEN it is stored
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void invalidPayloadIsAnswered400WithItsReasonAndField() throws IOException {
        // GIVEN an interval with a class that is not in its scheme
        String text = new String(TestIntervals.json(interval(DEVICE, 3))).replace("\"Pkw\"", "\"PkwGruppe\"");

        // WHEN it is posted
        HttpResponse<String> response = postCounts(DEVICE, JSON, secret, TestIntervals.utf8(text));

        // THEN the answer says why and where
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("reason").asText()).isEqualTo("class.not_in_scheme");
        assertThat(body.get("field").asText()).startsWith("lanes[0].counts.");
        assertThat(body.get("message").asText()).isNotBlank();
    }

    @Test
    void requestWithoutTokenIsAnswered401() throws IOException {
        // WHEN counts are posted without Authorization
        HttpResponse<String> response = postCounts(DEVICE, JSON, null, TestIntervals.json(interval(DEVICE, 4)));

        // THEN 401 with the reason and the scheme to use
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("reason").asText()).isEqualTo("auth.missing");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void requestWithWrongTokenIsAnswered401() throws IOException {
        // WHEN counts are posted with a secret no device has
        HttpResponse<String> response = postCounts(DEVICE, JSON, "not-the-secret-of-anyone",
                TestIntervals.json(interval(DEVICE, 5)));

        // THEN 401
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("reason").asText()).isEqualTo("auth.invalid");
    }

    @Test
    void tokenOfAnotherDeviceIsAnswered403() throws IOException {
        // WHEN OTHER's secret is used on DEVICE's path
        HttpResponse<String> response = postCounts(DEVICE, JSON, otherSecret, TestIntervals.json(interval(DEVICE, 6)));

        // THEN 403 device.mismatch, and nothing is stored
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("reason").asText()).isEqualTo("device.mismatch");
        assertThat(db.number("SELECT count(*) FROM count_message WHERE seq = 6")).isZero();
    }

    @Test
    void payloadOfAnotherDeviceIsAnswered403() throws IOException {
        // WHEN DEVICE posts, on its own path and with its own secret, an interval naming OTHER
        HttpResponse<String> response = postCounts(DEVICE, JSON, secret, TestIntervals.json(interval(OTHER, 7)));

        // THEN 403 device.mismatch
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("reason").asText()).isEqualTo("device.mismatch");
    }

    @Test
    void payloadAboveTheLimitIsAnswered413() throws IOException {
        // GIVEN a body a little above the contract's limit
        byte[] payload = new byte[Limits.MAX_PAYLOAD_BYTES + 100];
        Arrays.fill(payload, (byte) ' ');

        // WHEN it is posted
        HttpResponse<String> response = postCounts(DEVICE, JSON, secret, payload);

        // THEN 413, for its size
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("reason").asText()).isEqualTo("payload.too_large");
    }

    @Test
    void hugeBodyIsAnswered413BeforeItIsRead() throws IOException {
        // GIVEN a body far beyond anything a device sends
        byte[] payload = new byte[4 * 1024 * 1024];

        // WHEN it is posted
        HttpResponse<String> response = postCounts(DEVICE, JSON, secret, payload);

        // THEN the server refuses it by its length with the same kind of answer
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("reason").asText()).isEqualTo("payload.too_large");
    }

    @Test
    void unsupportedContentTypeIsAnswered415() throws IOException {
        // WHEN a valid interval is posted as text/plain
        HttpResponse<String> response = postCounts(DEVICE, "text/plain", secret,
                TestIntervals.json(interval(DEVICE, 8)));

        // THEN 415
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("reason").asText()).isEqualTo("encoding.unsupported");
    }

    @Test
    void statusReportIsRecorded() throws IOException {
        // GIVEN a heartbeat
        String report = "{\"v\":1,\"device\":\"" + DEVICE + "\",\"at\":\"" + Instant.now().toString().substring(0, 19)
                + "Z\",\"state\":\"online\",\"fw\":\"1.4.2\",\"outbox\":3,\"lastSeq\":8,\"uptime\":3600}";

        // WHEN it is posted
        HttpResponse<String> response = http.post("/api/v1/devices/" + DEVICE + "/status", JSON, secret,
                TestIntervals.utf8(report));

        // THEN it is kept with the device
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("recorded");
        assertThat(db.value("SELECT last_status ->> 'state' FROM device WHERE id = ?", DEVICE)).isEqualTo("online");
        assertThat(db.number("SELECT (last_status ->> 'outbox')::bigint FROM device WHERE id = ?", DEVICE))
                .isEqualTo(3);
    }

    private HttpResponse<String> postCounts(String pathDevice, String contentType, String token, byte[] body) {
        return http.post("/api/v1/devices/" + pathDevice + "/counts", contentType, token, body);
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        return mapper.readTree(response.body());
    }

    private static CountInterval interval(String device, long seq) {
        return TestIntervals.recent(device, seq, Instant.now());
    }
}
