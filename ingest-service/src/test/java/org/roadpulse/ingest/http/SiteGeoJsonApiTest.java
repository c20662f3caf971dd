package org.roadpulse.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.ingest.testing.TestSites;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sites as GeoJSON for GIS: export, import with a report per feature, and the round trip between them. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteGeoJsonApiTest implements TestPropertyProvider {

    private static final String JSON = "application/json";
    private static final String GEO_JSON = "application/geo+json";
    // Each test works in a municipality of its own, so that one test's sites never show in another's export.
    private static final String METTLACH = "10042114";
    private static final String NALBACH = "10044113";
    private static final String THOLEY = TestSites.THOLEY;
    private static final String BEXBACH = TestSites.BEXBACH;

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
        TestSites.device(db, "geo-mettlach-1", METTLACH);
        TestSites.device(db, "geo-tholey-1", THOLEY);
        TestSites.device(db, "geo-tholey-2", THOLEY);
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void exportIsAFeatureCollectionOfPointsWithLongitudeFirstAndFlatProperties() throws IOException {
        // GIVEN a site in Mettlach
        put("geo-mettlach", """
                {"municipality": "10042114", "name": "Mettlach – Saaruferstraße",
                 "road": {"name": "Saaruferstraße", "number": "B 51"},
                 "location": {"latitude": 49.4936, "longitude": 6.5972}, "lanes": {"forward": 1, "backward": 1},
                 "directionLabels": {"forward": "Richtung Saarburg", "backward": "Richtung Merzig"},
                 "speedLimitKmh": 50, "devices": ["geo-mettlach-1"]}""");

        // WHEN Mettlach's sites are exported
        HttpResponse<String> export = http.get("/api/v1/sites.geojson?municipality=" + METTLACH);

        // THEN a GeoJSON FeatureCollection with one Point at [lon, lat] whose properties are the site's other fields
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(GEO_JSON));
        JsonNode collection = json(export);
        assertThat(collection.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(collection.get("features")).hasSize(1);
        JsonNode feature = collection.get("features").get(0);
        assertThat(feature.get("type").asText()).isEqualTo("Feature");
        assertThat(feature.get("id").asText()).isEqualTo("geo-mettlach");
        assertThat(feature.get("geometry")).isEqualTo(mapper.readTree(
                "{\"type\": \"Point\", \"coordinates\": [6.5972, 49.4936]}"));
        assertThat(feature.get("properties")).isEqualTo(mapper.readTree("""
                {"id": "geo-mettlach", "municipality": "10042114", "name": "Mettlach – Saaruferstraße",
                 "roadName": "Saaruferstraße", "roadNumber": "B 51", "lanesForward": 1, "lanesBackward": 1,
                 "forwardLabel": "Richtung Saarburg", "backwardLabel": "Richtung Merzig", "speedLimitKmh": 50,
                 "devices": ["geo-mettlach-1"]}"""));
    }

    @Test
    void exportedSitesImportedAfterDeletionAreTheSameSitesAgain() throws IOException {
        // GIVEN two Tholey sites, one with two devices and one without road number or limit, exported
        put("geo-tholey-a", """
                {"municipality": "10046118", "name": "Tholey – Metzer Straße", "road": {"name": "Metzer Straße"},
                 "location": {"latitude": 49.4836, "longitude": 7.0383}, "lanes": {"forward": 1, "backward": 1},
                 "directionLabels": {"forward": "Richtung Ortsmitte", "backward": "Richtung Lebach"},
                 "speedLimitKmh": 50, "devices": ["geo-tholey-2", "geo-tholey-1"]}""");
        put("geo-tholey-b", """
                {"municipality": "10046118", "name": "Tholey – Am Schaumberg",
                 "location": {"latitude": 49.4861, "longitude": 7.0342}, "lanes": {"forward": 1}}""");
        JsonNode before = json(http.get("/api/v1/sites?municipality=" + THOLEY));
        String exported = http.get("/api/v1/sites.geojson?municipality=" + THOLEY).body();

        // WHEN both are deleted and the export is imported
        assertThat(http.delete("/api/v1/sites/geo-tholey-a").statusCode()).isEqualTo(204);
        assertThat(http.delete("/api/v1/sites/geo-tholey-b").statusCode()).isEqualTo(204);
        HttpResponse<String> imported = http.post("/api/v1/sites.geojson", GEO_JSON, null, utf8(exported));

        // THEN both are reported created, and the sites, devices included, are as before
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(json(imported)).isEqualTo(mapper.readTree("""
                {"imported": 2, "refused": 0, "features": [
                  {"index": 0, "id": "geo-tholey-a", "status": "imported", "created": true},
                  {"index": 1, "id": "geo-tholey-b", "status": "imported", "created": true}]}"""));
        assertThat(json(http.get("/api/v1/sites?municipality=" + THOLEY))).isEqualTo(before);
    }

    @Test
    void importStoresTheGoodFeaturesAndReportsEachBadOneWithItsReason() throws IOException {
        // GIVEN a site that exists already, and an upload with two good features and four bad ones
        put("geo-nalbach-old", nalbachSite("Nalbach – alt"));
        ArrayNode features = mapper.createArrayNode();
        features.add(feature("geo-nalbach-new", NALBACH, "6.7813", "49.3813", "1"));
        features.add(feature("geo-nalbach-bad-ags", "1004411", "6.7813", "49.3813", "1"));
        features.add(feature("geo-nalbach-old", NALBACH, "6.7820", "49.3815", "1"));
        features.add(feature("geo-nalbach-word", NALBACH, "6.7813", "49.3813", "\"two\""));
        ObjectNode line = feature("geo-nalbach-line", NALBACH, "6.7813", "49.3813", "1");
        line.set("geometry", mapper.readTree("{\"type\": \"LineString\", \"coordinates\": [[6.78, 49.38], [6.79, 49.39]]}"));
        features.add(line);
        features.add(feature("geo-nalbach-far", NALBACH, "6.7813", "149.3813", "1"));
        ObjectNode upload = mapper.createObjectNode().put("type", "FeatureCollection");
        upload.set("features", features);

        // WHEN it is imported
        HttpResponse<String> response = http.post("/api/v1/sites.geojson", JSON, null, utf8(upload.toString()));

        // THEN the good ones are stored (one new, one replaced) and each bad one is reported with reason and field
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("refused").asInt()).isEqualTo(4);
        assertThat(outcome(report, 0)).containsExactly("imported", "true", null, null);
        assertThat(outcome(report, 1)).containsExactly("refused", null, "municipality.invalid",
                "features[1].properties.municipality");
        assertThat(outcome(report, 2)).containsExactly("imported", "false", null, null);
        assertThat(outcome(report, 3)).containsExactly("refused", null, "feature.invalid", "features[3]");
        assertThat(outcome(report, 4)).containsExactly("refused", null, "location.invalid", "features[4].geometry");
        assertThat(outcome(report, 5)).containsExactly("refused", null, "location.invalid",
                "features[5].geometry.coordinates[1]");
        assertThat(report.get("features").get(3).get("id").asText()).isEqualTo("geo-nalbach-word");
        assertThat(report.get("features").get(3).get("message").asText()).contains("lanesForward")
                .doesNotContain("org.roadpulse");
        assertThat(ids(http.get("/api/v1/sites?municipality=" + NALBACH)))
                .containsExactly("geo-nalbach-new", "geo-nalbach-old");
        assertThat(json(http.get("/api/v1/sites/geo-nalbach-old")).get("location").get("longitude").asDouble())
                .isEqualTo(6.7820);
    }

    @Test
    void featureListingAnotherMunicipalitysDeviceIsRefusedNamingThatDevice() throws IOException {
        // GIVEN a Bexbach feature listing a Tholey device, then an unregistered one
        ObjectNode feature = feature("geo-bexbach-devices", BEXBACH, "7.2597", "49.3466", "1");
        ((ObjectNode) feature.get("properties")).putArray("devices").add("geo-tholey-1").add("nobody-here");
        ObjectNode upload = mapper.createObjectNode().put("type", "FeatureCollection");
        upload.putArray("features").add(feature);

        // WHEN it is imported
        JsonNode report = json(http.post("/api/v1/sites.geojson", GEO_JSON, null, utf8(upload.toString())));

        // THEN the first device is named: it belongs to Tholey, not Bexbach
        assertThat(outcome(report, 0)).containsExactly("refused", null, "device.other_municipality",
                "features[0].properties.devices[0]");
    }

    @Test
    void featuresThatAreNoObjectsAreRefusedOneByOne() throws IOException {
        // GIVEN an upload whose first three features are null, a number and a text, and whose last is good
        ObjectNode upload = mapper.createObjectNode().put("type", "FeatureCollection");
        upload.putArray("features").addNull().add(5).add("Feature")
                .add(feature("geo-after-junk", NALBACH, "6.7813", "49.3813", "1"));

        // WHEN it is imported
        HttpResponse<String> response = http.post("/api/v1/sites.geojson", GEO_JSON, null, utf8(upload.toString()));

        // THEN each of the three is refused as an invalid feature, and the good one is stored
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = json(response);
        for (int i = 0; i < 3; i++) {
            assertThat(outcome(report, i)).containsExactly("refused", null, "feature.invalid", "features[" + i + "]");
        }
        assertThat(outcome(report, 3)).containsExactly("imported", "true", null, null);
    }

    @Test
    void uploadThatIsNoFeatureCollectionIsRefusedAsAWhole() throws IOException {
        // WHEN a single Feature, and a cut-off document, are uploaded
        HttpResponse<String> single = http.post("/api/v1/sites.geojson", GEO_JSON, null,
                utf8(feature("geo-single", NALBACH, "6.78", "49.38", "1").toString()));
        HttpResponse<String> cut = http.post("/api/v1/sites.geojson", GEO_JSON, null,
                utf8("{\"type\": \"FeatureCollection\", \"features\": ["));

        // THEN 400: not a FeatureCollection, and not readable
        assertThat(single.statusCode()).isEqualTo(400);
        assertThat(json(single).get("reason").asText()).isEqualTo("geojson.invalid");
        assertThat(json(single).get("field").asText()).isEqualTo("type");
        assertThat(cut.statusCode()).isEqualTo(400);
        assertThat(json(cut).get("reason").asText()).isEqualTo("payload.malformed");
    }

    @Test
    void uploadLargerThanTheRequestLimitIsRefusedWith413() throws IOException {
        // GIVEN an upload of 200 sites, more than the service's 64 KiB request limit
        ObjectNode upload = mapper.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = upload.putArray("features");
        for (int i = 0; i < 200; i++) {
            features.add(feature("geo-large-" + i, NALBACH, "6.78", "49.38", "1"));
        }
        assertThat(upload.toString().length()).isGreaterThan(65_536);

        // WHEN it is imported
        HttpResponse<String> response = http.post("/api/v1/sites.geojson", GEO_JSON, null, utf8(upload.toString()));

        // THEN 413, and nothing of it is stored
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("reason").asText()).isEqualTo("payload.too_large");
        assertThat(db.number("SELECT count(*) FROM measurement_site WHERE id LIKE 'geo-large-%'")).isZero();
    }

    @Test
    void exportFilterThatIsNoAgsIsRefused() throws IOException {
        HttpResponse<String> response = http.get("/api/v1/sites.geojson?municipality=Nalbach");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("reason").asText()).isEqualTo("municipality.invalid");
    }

    /** A Point feature as a GIS tool writes it; {@code lanesForward} is JSON text, to spoil it on purpose. */
    private ObjectNode feature(String id, String municipality, String longitude, String latitude,
                               String lanesForward) throws IOException {
        return (ObjectNode) mapper.readTree("""
                {"type": "Feature", "geometry": {"type": "Point", "coordinates": [%s, %s]},
                 "properties": {"id": "%s", "municipality": "%s", "name": "Nalbach – Hauptstraße",
                  "roadName": "Hauptstraße", "roadNumber": null, "lanesForward": %s, "lanesBackward": 1,
                  "forwardLabel": "Richtung Lebach", "backwardLabel": "Richtung Dillingen", "speedLimitKmh": 50,
                  "devices": []}}""".formatted(longitude, latitude, id, municipality, lanesForward));
    }

    private static String nalbachSite(String name) {
        return """
                {"municipality": "10044113", "name": "%s", "location": {"latitude": 49.38, "longitude": 6.78},
                 "lanes": {"forward": 1, "backward": 1}}""".formatted(name);
    }

    /** status, created, reason, field of one feature in an import report (nulls where absent). */
    private static List<String> outcome(JsonNode report, int index) {
        JsonNode outcome = report.get("features").get(index);
        assertThat(outcome.get("index").asInt()).isEqualTo(index);
        List<String> values = new ArrayList<>();
        for (String key : List.of("status", "created", "reason", "field")) {
            JsonNode value = outcome.get(key);
            values.add(value == null || value.isNull() ? null : value.asText());
        }
        return values;
    }

    private void put(String id, String body) {
        HttpResponse<String> response = http.put("/api/v1/sites/" + id, JSON, utf8(body));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    private List<String> ids(HttpResponse<String> list) throws IOException {
        List<String> ids = new ArrayList<>();
        json(list).forEach(site -> ids.add(site.get("id").asText()));
        return ids;
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        return mapper.readTree(response.body());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
