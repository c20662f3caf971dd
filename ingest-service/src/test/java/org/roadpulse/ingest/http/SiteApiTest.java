package org.roadpulse.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.roadpulse.ingest.sites.PgSites;
import org.roadpulse.ingest.sites.Sites;
import org.roadpulse.ingest.testing.HttpCalls;
import org.roadpulse.ingest.testing.TestLogins;
import org.roadpulse.ingest.testing.RemoteClient;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.ingest.testing.TestSites;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadpulse.ingest.testing.TestSites.BEXBACH;
import static org.roadpulse.ingest.testing.TestSites.THOLEY;

/** The site API: create, read, replace, list and delete sites, and every refusal with its reason and field. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteApiTest implements TestPropertyProvider {

    private static final String JSON = "application/json";
    /** The example of docs/flow-history.md, "Measurement sites". */
    private static final String EXAMPLE = """
            {"id": "bexbach-rathausstrasse", "municipality": "10045111", "name": "Bexbach – Rathausstraße",
             "road": {"name": "Rathausstraße", "number": "L 119"},
             "location": {"latitude": 49.3466, "longitude": 7.2597},
             "lanes": {"forward": 1, "backward": 1},
             "directionLabels": {"forward": "Richtung Homburg", "backward": "Richtung Neunkirchen"},
             "speedLimitKmh": 50, "devices": ["bexbach-rathausstrasse"]}""";

    private final TestDatabase db = TestPostgres.freshDatabase();
    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    @Inject
    Sites injectedSites;

    private HttpCalls http;

    @Override
    public Map<String, String> getProperties() {
        return db.servicePropertiesInTempFolder();
    }

    @BeforeAll
    void connect() {
        http = TestLogins.operator(server);
        for (String device : List.of("bexbach-rathausstrasse", "api-move-1", "api-move-2", "api-delete-1")) {
            TestSites.device(db, device, BEXBACH);
        }
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void theSitesTheFlowQueriesReadAreTheStoreTheApiWrites() {
        assertThat(injectedSites).isInstanceOf(PgSites.class);
    }

    @Test
    void documentedExampleIsCreatedAndReadBackUnchanged() throws IOException {
        // WHEN the example of the API documentation is put
        HttpResponse<String> created = http.put("/api/v1/sites/bexbach-rathausstrasse", JSON, utf8(EXAMPLE));

        // THEN it is created, and reading it, alone or in the list, gives back exactly the example
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/sites/bexbach-rathausstrasse");
        assertThat(json(created)).isEqualTo(mapper.readTree(EXAMPLE));
        HttpResponse<String> read = http.get("/api/v1/sites/bexbach-rathausstrasse");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read)).isEqualTo(mapper.readTree(EXAMPLE));
        assertThat(json(http.get("/api/v1/sites?municipality=10045111"))).contains(mapper.readTree(EXAMPLE));
        // AND the device counts there
        assertThat(TestSites.siteOf(db, "bexbach-rathausstrasse")).isEqualTo("bexbach-rathausstrasse");
    }

    @Test
    void replacingASiteAnswers200AndItsDevicesFollowTheNewList() throws IOException {
        // GIVEN a site counted by one device, and another site
        put("api-move-a", site("api-move-a", s -> s.putArray("devices").add("api-move-1")));
        put("api-move-b", site("api-move-b", s -> s.putArray("devices").add("api-move-2")));

        // WHEN the first is replaced with a new name and the other site's device instead of its own
        HttpResponse<String> replaced = http.put("/api/v1/sites/api-move-a", JSON, utf8(site("api-move-a", s -> {
            s.put("name", "Bexbach – Niederbexbacher Straße");
            s.putArray("devices").add("api-move-2");
        })));

        // THEN 200 with the new site; the device moved, and the old device has no site
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(json(replaced).get("name").asText()).isEqualTo("Bexbach – Niederbexbacher Straße");
        assertThat(devicesOf("api-move-a")).containsExactly("api-move-2");
        assertThat(devicesOf("api-move-b")).isEmpty();
        assertThat(TestSites.siteOf(db, "api-move-1")).isNull();
    }

    @Test
    void siteWithoutOptionalFieldsShowsThemAsNullAndNoDevicesAsEmpty() throws IOException {
        // WHEN a one-way street without road, labels, limit or devices is put
        HttpResponse<String> created = http.put("/api/v1/sites/api-one-way", JSON, utf8("""
                {"municipality": "10045111", "name": "Bexbach – Einbahnstraße",
                 "location": {"latitude": 49.35, "longitude": 7.25}, "lanes": {"backward": 1}}"""));

        // THEN it is created, and the answer has every field: absent ones null, lanes 0, devices empty
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode site = json(created);
        assertThat(site.get("id").asText()).isEqualTo("api-one-way");
        assertThat(site.get("road").get("number").isNull()).isTrue();
        assertThat(site.get("speedLimitKmh").isNull()).isTrue();
        assertThat(site.get("lanes").get("forward").asInt()).isZero();
        assertThat(site.get("devices").isArray()).isTrue();
        assertThat(site.get("devices")).isEmpty();
    }

    @Test
    void deletedSiteIsUnknownAfterwardsAndItsDeviceStaysRegistered() throws IOException {
        // GIVEN a site with a device
        put("api-delete", site("api-delete", s -> s.putArray("devices").add("api-delete-1")));

        // WHEN it is deleted
        HttpResponse<String> deleted = http.delete("/api/v1/sites/api-delete");

        // THEN 204; reading or deleting it again is a 404 site.unknown; the device is still there, without a site
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertUnknown(http.get("/api/v1/sites/api-delete"));
        assertUnknown(http.delete("/api/v1/sites/api-delete"));
        assertThat(db.number("SELECT count(*) FROM device WHERE id = 'api-delete-1' AND site_id IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void listIsOrderedByIdAndFilteredByMunicipality() throws IOException {
        // GIVEN sites in Bexbach and Tholey
        put("api-list-tholey", site("api-list-tholey", s -> s.put("municipality", THOLEY)));
        put("api-list-bexbach", site("api-list-bexbach", s -> { }));

        // WHEN all sites, and Tholey's, are listed
        List<String> all = ids(http.get("/api/v1/sites"));
        List<String> tholey = ids(http.get("/api/v1/sites?municipality=" + THOLEY));

        // THEN all are ordered by id; the filter keeps Tholey's
        assertThat(all).isSorted().contains("api-list-bexbach", "api-list-tholey");
        assertThat(tholey).containsExactly("api-list-tholey");
    }

    @Test
    void municipalityFilterThatIsNoAgsIsRefused() throws IOException {
        HttpResponse<String> response = http.get("/api/v1/sites?municipality=Tholey");

        assertRefused(response, "municipality.invalid", "municipality");
    }

    static Stream<Arguments> badSites() {
        return Stream.of(
                Arguments.of("Bexbach_1", (Consumer<ObjectNode>) s -> s.remove("id"), "site.id_invalid", "id"),
                Arguments.of("api-bad", (Consumer<ObjectNode>) s -> s.put("id", "api-other"), "site.id_mismatch",
                        "id"),
                Arguments.of("api-bad", (Consumer<ObjectNode>) s -> s.put("municipality", "1004511"),
                        "municipality.invalid", "municipality"),
                Arguments.of("api-bad", (Consumer<ObjectNode>) s -> s.remove("name"), "name.missing", "name"),
                Arguments.of("api-bad", (Consumer<ObjectNode>) s -> s.remove("location"), "location.invalid",
                        "location"),
                Arguments.of("api-bad", (Consumer<ObjectNode>) s -> s.with("location").put("latitude", 95.0),
                        "location.invalid", "location.latitude"),
                Arguments.of("api-bad", (Consumer<ObjectNode>) s -> s.with("location").remove("longitude"),
                        "location.invalid", "location.longitude"),
                Arguments.of("api-bad", (Consumer<ObjectNode>) s -> s.with("lanes").put("forward", 9),
                        "lanes.invalid", "lanes.forward"),
                Arguments.of("api-bad", (Consumer<ObjectNode>) s -> s.with("lanes").put("backward", -1),
                        "lanes.invalid", "lanes.backward"),
                Arguments.of("api-bad", (Consumer<ObjectNode>) s -> s.remove("lanes"), "lanes.invalid", "lanes"),
                Arguments.of("api-bad", (Consumer<ObjectNode>) s -> s.put("speedLimitKmh", 3),
                        "speed_limit.invalid", "speedLimitKmh"),
                Arguments.of("api-bad", (Consumer<ObjectNode>) s -> s.with("road").put("number", "L".repeat(121)),
                        "road.invalid", "road.number"),
                Arguments.of("api-bad", (Consumer<ObjectNode>) s -> s.putArray("devices").add("nobody-here"),
                        "device.unknown", "devices[0]"),
                Arguments.of("api-bad", (Consumer<ObjectNode>) s -> s.putArray("devices").addNull(),
                        "device.unknown", "devices[0]"));
    }

    @ParameterizedTest(name = "{2} at {3}")
    @MethodSource("badSites")
    void badSiteIsRefusedWithItsReasonAndFieldAndNotStored(String id, Consumer<ObjectNode> spoil, String reason,
                                                           String field) throws IOException {
        // WHEN a site with one mistake is put
        HttpResponse<String> response = http.put("/api/v1/sites/" + id, JSON, utf8(site(id, spoil)));

        // THEN 400 names the reason and field, and nothing is stored
        assertRefused(response, reason, field);
        assertThat(db.number("SELECT count(*) FROM measurement_site WHERE id = ?", id)).isZero();
    }

    @Test
    void unreadableBodiesAreAnswered400NotAnInternalError() throws IOException {
        // WHEN the body is cut off, has a word where a number belongs, or is missing
        HttpResponse<String> cut = http.put("/api/v1/sites/api-malformed", JSON, utf8("{\"name\": "));
        HttpResponse<String> word = http.put("/api/v1/sites/api-malformed", JSON,
                utf8(site("api-malformed", s -> s.put("speedLimitKmh", "fifty"))));
        HttpResponse<String> empty = http.put("/api/v1/sites/api-malformed", JSON, new byte[0]);

        // THEN each is a 400 payload.malformed
        for (HttpResponse<String> response : List.of(cut, word, empty)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(json(response).get("reason").asText()).isEqualTo("payload.malformed");
        }
    }

    @Test
    void unknownSiteIsA404WithItsReason() throws IOException {
        assertUnknown(http.get("/api/v1/sites/nowhere-at-all"));
    }

    @Test
    void withoutLoginNothingIsReadOrChangedFromAnyHost() throws IOException {
        // GIVEN a site, and a client without login that reaches the service over a network interface
        put("api-remote", site("api-remote", s -> { }));
        HttpCalls remote = RemoteClient.of(server);

        // WHEN it reads, puts, deletes and imports
        HttpResponse<String> read = remote.get("/api/v1/sites/api-remote");
        HttpResponse<String> putting = remote.put("/api/v1/sites/api-remote", JSON, utf8(site("api-remote",
                s -> s.put("name", "Bexbach – von außen"))));
        HttpResponse<String> deleting = remote.delete("/api/v1/sites/api-remote");
        HttpResponse<String> importing = remote.post("/api/v1/sites.geojson", "application/geo+json", null,
                utf8("{\"type\": \"FeatureCollection\", \"features\": []}"));

        // THEN every call is a 401 and the site is unchanged
        for (HttpResponse<String> response : List.of(read, putting, deleting, importing)) {
            assertThat(response.statusCode()).isEqualTo(401);
        }
        assertThat(json(http.get("/api/v1/sites/api-remote")).get("name").asText())
                .isEqualTo("Bexbach – Rathausstraße");
    }

    /** The example with another id, changed by {@code change}. */
    private String site(String id, Consumer<ObjectNode> change) {
        try {
            ObjectNode site = (ObjectNode) mapper.readTree(EXAMPLE);
            site.put("id", id);
            site.putArray("devices");
            change.accept(site);
            return mapper.writeValueAsString(site);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void put(String id, String body) {
        HttpResponse<String> response = http.put("/api/v1/sites/" + id, JSON, utf8(body));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    private List<String> devicesOf(String id) throws IOException {
        return mapper.convertValue(json(http.get("/api/v1/sites/" + id)).get("devices"),
                mapper.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private List<String> ids(HttpResponse<String> list) throws IOException {
        assertThat(list.statusCode()).isEqualTo(200);
        return Stream.of(mapper.treeToValue(json(list), JsonNode[].class)).map(s -> s.get("id").asText()).toList();
    }

    private void assertUnknown(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("reason").asText()).isEqualTo("site.unknown");
    }

    private void assertRefused(HttpResponse<String> response, String reason, String field) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("reason").asText()).isEqualTo(reason);
        assertThat(json(response).get("field").asText()).isEqualTo(field);
        assertThat(json(response).get("message").asText()).isNotBlank();
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        return mapper.readTree(response.body());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
