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
import org.roadpulse.ingest.testing.HttpCalls;
import org.roadpulse.ingest.testing.TestLogins;
import org.roadpulse.ingest.testing.RemoteClient;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestIntervals;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.DeviceSecrets;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Provisioning a device and watching its counts arrive, through the admin API. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceAdminApiTest implements TestPropertyProvider {

    private static final String JSON = "application/json";
    private final TestDatabase db = TestPostgres.freshDatabase();
    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    private HttpCalls http;

    @Override
    public Map<String, String> getProperties() {
        return db.servicePropertiesInTempFolder();
    }

    @BeforeAll
    void connect() {
        http = TestLogins.operator(server);
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void provisionedDeviceGetsItsSecretOnceAndItsCountsShowInTheList() throws IOException {
        // GIVEN a newly provisioned device
        HttpResponse<String> created = http.post("/api/v1/devices", JSON, null, TestIntervals.utf8(
                "{\"id\":\"tholey-admin-1\",\"municipality\":\"10046118\",\"name\":\"Tholey – <b>Schaumberg</b>\"}"));
        assertThat(created.statusCode()).isEqualTo(201);
        String secret = json(created).get("secret").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        assertThat(db.value("SELECT secret_hash FROM device WHERE id = 'tholey-admin-1'"))
                .isEqualTo(DeviceSecrets.hash(secret));

        // WHEN it sends an interval with that secret
        CountInterval interval = TestIntervals.recent("tholey-admin-1", 1, Instant.now());
        assertThat(http.post("/api/v1/devices/tholey-admin-1/counts", JSON, secret, TestIntervals.json(interval))
                .statusCode()).isEqualTo(200);

        // THEN the list shows the device with one stored interval, its start, and when it was last seen
        JsonNode device = deviceInList("tholey-admin-1");
        assertThat(device.get("municipality").asText()).isEqualTo("10046118");
        assertThat(device.get("name").asText()).isEqualTo("Tholey – <b>Schaumberg</b>");
        assertThat(device.get("enabled").asBoolean()).isTrue();
        assertThat(device.get("storedIntervals").asLong()).isEqualTo(1);
        assertThat(Instant.parse(device.get("lastIntervalStart").asText())).isEqualTo(interval.start());
        assertThat(device.get("lastSeen").isTextual()).isTrue();
        assertThat(device.has("secret")).isFalse();
    }

    @Test
    void deviceWithAnInvalidMunicipalityKeyIsRefused() throws IOException {
        // WHEN a device is provisioned with a 5-digit municipality key
        HttpResponse<String> response = http.post("/api/v1/devices", JSON, null, TestIntervals.utf8(
                "{\"id\":\"tholey-admin-2\",\"municipality\":\"10046\",\"name\":\"Tholey\"}"));

        // THEN 400 with the reason and field
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("reason").asText()).isEqualTo("municipality.invalid");
        assertThat(json(response).get("field").asText()).isEqualTo("municipality");
    }

    @Test
    void unreadableBodyIsAnswered400NotAnInternalError() throws IOException {
        // WHEN the body is not JSON at all
        HttpResponse<String> response = http.post("/api/v1/devices", JSON, null, TestIntervals.utf8("{\"id\": "));

        // THEN 400 in the usual shape
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("reason").asText()).isEqualTo("payload.malformed");
    }

    @Test
    void provisioningNeedsALoginFromAnyHostAndAnOperatorMayProvisionFromAnotherHost() throws IOException {
        // GIVEN a client that reaches the service over a network interface instead of loopback
        HttpCalls remote = RemoteClient.of(server);
        byte[] device = TestIntervals.utf8("{\"id\":\"tholey-admin-3\",\"municipality\":\"10046118\","
                + "\"name\":\"Tholey\"}");

        // WHEN it provisions a device without a login, and then as an operator
        HttpResponse<String> anonymous = remote.post("/api/v1/devices", JSON, null, device);
        long before = db.number("SELECT count(*) FROM device WHERE id = 'tholey-admin-3'");
        HttpResponse<String> operator = remote.as(TestLogins.operatorToken(server.getApplicationContext()))
                .post("/api/v1/devices", JSON, null, device);

        // THEN the first is a 401 that stores nothing, the second registers the device: the host no longer matters
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(before).isZero();
        assertThat(operator.statusCode()).isEqualTo(201);
    }

    @Test
    void aCameraThatReportsItsSensorDownShowsSoInTheListAndAnOldAgentShowsNoSensor() throws IOException {
        // GIVEN two provisioned devices: a camera unit and an agent from before the sensor field
        String camera = provision("tholey-admin-4");
        String old = provision("tholey-admin-5");

        // WHEN the camera reports its stream down, and the old agent a status without sensor
        assertThat(http.post("/api/v1/devices/tholey-admin-4/status", JSON, camera, TestIntervals.utf8("""
                {"v":1,"device":"tholey-admin-4","state":"online","fw":"rp-agent 1.5","at":"2026-06-01T11:59:30Z",
                 "sensor":{"state":"down","since":"2026-06-01T11:58:00Z","reason":"the stream ended"}}"""))
                .statusCode()).isEqualTo(200);
        assertThat(http.post("/api/v1/devices/tholey-admin-5/status", JSON, old, TestIntervals.utf8("""
                {"v":1,"device":"tholey-admin-5","state":"online","fw":"rp-agent 1.4","outbox":0}"""))
                .statusCode()).isEqualTo(200);

        // THEN the list shows the camera online with its sensor down since then, and why
        JsonNode down = deviceInList("tholey-admin-4");
        assertThat(down.get("state").asText()).isEqualTo("online");
        assertThat(down.get("sensor").get("state").asText()).isEqualTo("down");
        assertThat(Instant.parse(down.get("sensor").get("since").asText()))
                .isEqualTo(Instant.parse("2026-06-01T11:58:00Z"));
        assertThat(down.get("sensor").get("reason").asText()).isEqualTo("the stream ended");
        // AND the old agent is online with no sensor state at all (unknown, not "ok" and not "down")
        JsonNode unknown = deviceInList("tholey-admin-5");
        assertThat(unknown.get("state").asText()).isEqualTo("online");
        assertThat(unknown.path("sensor").isMissingNode() || unknown.get("sensor").isNull()).isTrue();
    }

    private String provision(String id) throws IOException {
        HttpResponse<String> created = http.post("/api/v1/devices", JSON, null, TestIntervals.utf8(
                "{\"id\":\"" + id + "\",\"municipality\":\"10046118\",\"name\":\"Tholey\"}"));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("secret").asText();
    }

    private JsonNode deviceInList(String id) throws IOException {
        HttpResponse<String> list = http.get("/api/v1/devices");
        assertThat(list.statusCode()).isEqualTo(200);
        for (JsonNode device : json(list)) {
            if (device.get("id").asText().equals(id)) {
                return device;
            }
        }
        throw new AssertionError(id + " not in " + list.body());
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        return mapper.readTree(response.body());
    }
}
