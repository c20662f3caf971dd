package org.roadpulse.roadai.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadpulse.roadai.service.RunningService.BEXBACH;
import static org.roadpulse.roadai.service.RunningService.THOLEY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.roadai.service.RunningService.Part;
import org.roadpulse.roadai.service.storage.PgSurveyImages;

/** The maintenance-queue API over real HTTP, with a real (embedded) PostgreSQL and the tiny model. */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaintenanceQueueApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double ROAD_LAT = 49.480;

    private RunningService service;
    private JsonNode roadImport;

    @BeforeAll
    void start(@TempDir Path dataDir) throws IOException {
        service = RunningService.start(dataDir, true);
        roadImport = json(service.postJson("/api/v1/municipalities/" + THOLEY + "/roads", RunningService.THOLEY_ROAD,
                "gis-office"), 200);
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void roadImportStoresTheGoodFeaturesAndRefusesEachBadOneWithItsReason() {
        assertThat(roadImport.path("accepted").asInt()).isEqualTo(1);
        assertThat(roadImport.path("refused")).hasSize(1);
        assertThat(roadImport.path("refused").get(0).path("id").asText()).isEqualTo("bad");
        assertThat(roadImport.path("refused").get(0).path("reason").asText()).contains("LineString");
    }

    @Test
    void anUploadedImageIsStoredAnonymisedWithItsDetectionsAndItsItemRankedWithTheBreakdown() throws IOException {
        // GIVEN a frame full of potholes, taken on the Tholey road
        byte[] original = SurveyPictures.frame("pothole", 1);
        // WHEN it is uploaded with its position
        JsonNode stored = json(upload(original, "frame-1.jpg", 7.040), 201);
        // THEN it is stored with detections and a new item
        assertThat(stored.path("outcome").asText()).isEqualTo("stored");
        assertThat(stored.path("detections").asInt()).isPositive();
        assertThat(stored.path("newItems").asInt()).isEqualTo(1);
        long imageId = stored.path("imageId").asLong();
        // AND what is kept is a JPEG that is not the original file, and an overlay
        HttpResponse<byte[]> image = service.getBytes(base() + "/images/" + imageId + "/image.jpg");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).startsWith(0xFF, 0xD8);
        assertThat(Arrays.equals(image.body(), original)).isFalse();
        assertThat(service.getBytes(base() + "/images/" + imageId + "/overlay.jpg").statusCode()).isEqualTo(200);
        // AND the audit trail names who uploaded it
        assertThat(json(service.get(base() + "/audit"), 200)).anySatisfy(entry -> {
            assertThat(entry.path("action").asText()).isEqualTo("images.imported");
            assertThat(entry.path("who").asText()).isEqualTo(RunningService.OPERATOR);
            assertThat(entry.path("detail").asText()).isEqualTo("frame-1.jpg: stored");
        });
        // AND the item is on the list, safety-critical, with every term of "why here"
        JsonNode item = itemAt(7.040);
        assertThat(item.path("damageClass").asText()).isEqualTo("pothole");
        assertThat(item.path("safetyCritical").asBoolean()).isTrue();
        List<String> terms = new ArrayList<>();
        item.path("why").forEach(t -> terms.add(t.path("term").asText()));
        assertThat(terms).containsExactly("safety", "grade", "traffic", "roadClass", "age", "certainty");
        assertThat(item.path("why").get(2).path("basis").asText()).contains("Landesstraße", "no measurement site");
        // AND each term has its facts for the pages to word: the traffic term its figures and their source
        JsonNode traffic = item.path("why").get(2).path("facts");
        assertThat(traffic.path("dtv").asDouble()).isEqualTo(6_000);
        assertThat(traffic.path("heavyShare").asDouble()).isEqualTo(0.05);
        assertThat(traffic.path("source").asText()).isEqualTo("road-class-default");
        assertThat(traffic.path("roadClass").asText()).isEqualTo("state");
        assertThat(traffic.has("grade")).isFalse();
        assertThat(item.path("why").get(1).path("facts").path("grade").asDouble()).isEqualTo(item.path("grade").asDouble());
        assertThat(item.path("why").get(4).path("facts").path("days").asLong()).isZero();
    }

    @Test
    void theSameFileTwiceIsIgnoredAndTheAnswerSaysSo() throws IOException {
        byte[] frame = SurveyPictures.frame("pothole", 2);
        json(upload(frame, "a.jpg", 7.036), 201);
        JsonNode again = json(upload(frame, "a-copy.jpg", 7.036), 200);
        assertThat(again.path("outcome").asText()).isEqualTo("duplicate");
        assertThat(again.path("reason").asText()).isEqualTo("image.duplicate");
    }

    @Test
    void aFolderImportReportsEveryBadFileWithItsReasonAndStoresNothingOfThem() throws IOException {
        // GIVEN a drive's folder: one good image (EXIF GPS on the road) and four bad files
        int before = service.context().getBean(PgSurveyImages.class).count(THOLEY);
        byte[] good = SurveyPictures.withGps(SurveyPictures.frame("pothole", 3), ROAD_LAT, 7.043);
        byte[] whole = SurveyPictures.frame("pothole", 4);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        byte[] noPosition = SurveyPictures.frame("pothole", 5);
        byte[] outside = SurveyPictures.withGps(SurveyPictures.frame("pothole", 6), 49.0, 7.0);
        // WHEN it is imported
        JsonNode report = json(service.postMultipart(base() + "/images/batch", List.of(
                new Part("files", "good.jpg", good),
                new Part("files", "notes.txt", "not a picture".getBytes()),
                new Part("files", "cut.jpg", truncated),
                new Part("files", "nowhere.jpg", noPosition),
                new Part("files", "abroad.jpg", outside))), 200);
        // THEN each file has its line
        assertThat(report.path("stored").asInt()).isEqualTo(1);
        assertThat(report.path("refused").asInt()).isEqualTo(4);
        List<String> lines = new ArrayList<>();
        report.path("files").forEach(f -> lines.add(f.path("file").asText() + " " + f.path("outcome").asText() + " "
                + f.path("reason").asText()));
        assertThat(lines).containsExactly("good.jpg stored null", "notes.txt refused file.not_jpeg",
                "cut.jpg refused file.truncated", "nowhere.jpg refused position.missing",
                "abroad.jpg refused position.outside_municipality");
        // AND only the good image was stored
        assertThat(service.context().getBean(PgSurveyImages.class).count(THOLEY)).isEqualTo(before + 1);
    }

    @Test
    void aFolderWithoutGpsInItsImagesIsPlacedByTheDrivesTrackAtEachCaptureTime() throws IOException {
        // GIVEN a CSV track along the road, a fix every 10 s from 7.0300 eastwards by 0.002° per fix
        StringBuilder track = new StringBuilder("time;lat;lon\n");
        java.time.Instant start = java.time.Instant.parse("2026-12-01T09:00:00Z");
        for (int i = 0; i <= 6; i++) {
            track.append(start.plusSeconds(10L * i)).append(";49,48;").append(String.format(Locale.GERMANY, "%.4f",
                    7.030 + 0.002 * i)).append('\n');
        }
        byte[] onTrack = SurveyPictures.withGpsTime(SurveyPictures.frame("pothole", 20), start.plusSeconds(25));
        byte[] afterTrack = SurveyPictures.withGpsTime(SurveyPictures.frame("pothole", 21), start.plusSeconds(600));
        // WHEN the folder is imported with its track
        JsonNode report = json(service.postMultipart(base() + "/images/batch", List.of(
                new Part("files", "0001.jpg", onTrack), new Part("files", "0002.jpg", afterTrack),
                new Part("track", "drive.csv", track.toString().getBytes()))), 200);
        // THEN the first image lies where the track was at 09:00:25, the second (after the track ended) has no place
        assertThat(report.path("files").get(0).path("outcome").asText()).isEqualTo("stored");
        assertThat(report.path("files").get(1).path("reason").asText()).isEqualTo("position.missing");
        assertThat(itemAt(7.035).path("firstSeen").asText()).isEqualTo("2026-12-01T09:00:25Z");
        // AND a track that cannot be read refuses the import by naming it
        assertThat(json(service.postMultipart(base() + "/images/batch", List.of(new Part("files", "x.jpg", onTrack),
                new Part("track", "drive.gpx", "<gpx><oops".getBytes()))), 400).path("field").asText())
                .isEqualTo("track");
    }

    @Test
    void anotherMunicipalitysItemIsNotFoundThere() throws IOException {
        json(upload(SurveyPictures.frame("pothole", 7), "b.jpg", 7.032), 201);
        long id = itemAt(7.032).path("id").asLong();
        assertThat(service.get(base() + "/items/" + id).statusCode()).isEqualTo(200);
        assertThat(service.get("/api/v1/municipalities/" + BEXBACH + "/items/" + id).statusCode()).isEqualTo(404);
        assertThat(service.postJson("/api/v1/municipalities/" + BEXBACH + "/items/" + id + "/confirm", "{}", "Eve")
                .statusCode()).isEqualTo(404);
        assertThat(json(service.get("/api/v1/municipalities/" + BEXBACH + "/items"), 200).path("count").asInt())
                .isZero();
    }

    @Test
    void aStepTheStatusForbidsIsRefusedWith409AndItsReasonAndEveryStepIsAudited() throws IOException {
        json(upload(SurveyPictures.frame("pothole", 8), "c.jpg", 7.048), 201);
        long id = itemAt(7.048).path("id").asLong();
        String item = base() + "/items/" + id;
        // a new item cannot be scheduled
        JsonNode refused = json(service.postJson(item + "/schedule", "{\"date\":\"2026-12-14\",\"crew\":\"Bauhof 2\"}",
                "Anna"), 409);
        assertThat(refused.path("reason").asText()).isEqualTo("transition.refused");
        assertThat(refused.path("message").asText()).contains("new", "schedule");
        // an action needs a login
        assertThat(service.postJson(item + "/confirm", "{}", null).statusCode()).isEqualTo(401);
        // confirm, schedule, comment, assign
        json(service.postJson(item + "/confirm", "{}", "Anna"), 200);
        JsonNode scheduled = json(service.postJson(item + "/schedule",
                "{\"date\":\"2026-12-14\",\"crew\":\"Bauhof 2\"}", "Anna"), 200);
        assertThat(scheduled.path("item").path("status").asText()).isEqualTo("scheduled");
        assertThat(scheduled.path("item").path("crew").asText()).isEqualTo("Bauhof 2");
        json(service.postJson(item + "/assign", "{\"assignee\":\"Ben\"}", "Anna"), 200);
        JsonNode detail = json(service.postJson(item + "/comment", "{\"text\":\"<b>deep</b>\"}", "Ben"), 200);
        assertThat(detail.path("item").path("assignee").asText()).isEqualTo("Ben");
        assertThat(detail.path("comments").get(0).path("text").asText()).isEqualTo("<b>deep</b>");
        List<String> trail = new ArrayList<>();
        detail.path("history").forEach(e -> trail.add(e.path("who").asText() + ":" + e.path("action").asText()));
        assertThat(trail).containsExactly("survey:found", "Anna:confirm", "Anna:schedule", "Anna:assign",
                "Ben:comment");
        // AND the municipality's audit trail shows the item's steps next to the road import
        JsonNode audit = json(service.get(base() + "/audit?limit=1000"), 200);
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("confirm");
            assertThat(e.path("item").asLong()).isEqualTo(id);
            assertThat(e.path("detail").asText()).contains("new → confirmed");
        });
        assertThat(audit).anySatisfy(e -> assertThat(e.path("action").asText()).isEqualTo("roads.imported"));
        // a bad date names the field
        assertThat(json(service.postJson(item + "/schedule", "{\"date\":\"next week\",\"crew\":\"x\"}", "Anna"), 400)
                .path("field").asText()).isEqualTo("date");
    }

    @Test
    void aLaterDriveVerifiesARepairOrReopensIt() throws IOException {
        json(upload(SurveyPictures.frame("pothole", 9), "d.jpg", 7.045), 201);
        long id = itemAt(7.045).path("id").asLong();
        String item = base() + "/items/" + id;
        json(service.postJson(item + "/confirm", "{}", "Anna"), 200);
        json(service.postJson(item + "/repaired", "{}", "Anna"), 200);
        // GIVEN a later drive that sees the place without damage: the repair is verified
        json(upload(SurveyPictures.frame("no_damage", 10), "e.jpg", 7.045), 201);
        assertThat(json(service.get(item), 200).path("item").path("status").asText()).isEqualTo("verified");
        // WHEN a still later drive sees the pothole again: the item is reopened
        JsonNode again = json(upload(SurveyPictures.frame("pothole", 11), "f.jpg", 7.045), 201);
        assertThat(again.path("itemsSeenAgain").asInt()).isEqualTo(1);
        JsonNode reopened = json(service.get(item), 200);
        assertThat(reopened.path("item").path("status").asText()).isEqualTo("confirmed");
        List<String> actions = new ArrayList<>();
        reopened.path("history").forEach(e -> actions.add(e.path("action").asText()));
        assertThat(actions).containsSubsequence("repaired", "not-seen-again", "seen-again");
    }

    @Test
    void theListExportsAsCsvAndGeoJsonInListOrder() throws IOException {
        json(upload(SurveyPictures.frame("pothole", 12), "g.jpg", 7.034), 201);
        // an assignee typed as a formula must reach the spreadsheet as text
        json(service.postJson(base() + "/items/" + itemAt(7.034).path("id").asLong() + "/assign",
                "{\"assignee\":\"=HYPERLINK(1)\"}", "Anna"), 200);
        JsonNode list = json(service.get(base() + "/items"), 200);
        HttpResponse<String> csv = service.get(base() + "/items.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("rank,id,status,class,kind,rdd_code,grade,safety_critical,score");
        assertThat(lines).hasSize(list.path("count").asInt() + 1);
        assertThat(lines[1]).startsWith("1," + list.path("items").get(0).path("id").asText() + ",");
        assertThat(csv.body()).contains(",'=HYPERLINK(1),").doesNotContain(",=HYPERLINK");
        JsonNode geo = json(service.get(base() + "/items.geojson"), 200);
        assertThat(geo.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(geo.path("features")).hasSize(list.path("count").asInt());
        JsonNode first = geo.path("features").get(0);
        assertThat(first.path("geometry").path("type").asText()).isEqualTo("Point");
        assertThat(first.path("geometry").path("coordinates").get(1).asDouble()).isCloseTo(ROAD_LAT,
                org.assertj.core.data.Offset.offset(0.001));
        assertThat(first.path("properties").path("why")).hasSize(6);
    }

    @Test
    void confirmedAndRejectedDetectionsExportAsALabelledDataSet() throws IOException {
        json(upload(SurveyPictures.frame("pothole", 13), "h.jpg", 7.038), 201);
        long id = itemAt(7.038).path("id").asLong();
        json(service.postJson(base() + "/items/" + id + "/reject", "{\"text\":\"shadow\"}", "Anna"), 200);
        HttpResponse<byte[]> zip = service.getBytes(base() + "/dataset.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("labels.csv");
        assertThat(names).anyMatch(n -> n.startsWith("no_damage/detection-") && n.endsWith(".jpg"));
    }

    @Test
    void weightsAreReadAndSetPerMunicipalityAndABadOneIsNamed() throws IOException {
        JsonNode weights = json(service.get("/api/v1/municipalities/" + BEXBACH + "/weights"), 200);
        assertThat(weights.path("grade").asDouble()).isEqualTo(40);
        String changed = weights.toString().replace("\"grade\":40.0", "\"grade\":60.0");
        assertThat(json(service.putJson("/api/v1/municipalities/" + BEXBACH + "/weights", changed, "anna"), 200)
                .path("grade").asDouble()).isEqualTo(60);
        assertThat(json(service.get(base() + "/weights"), 200).path("grade").asDouble()).isEqualTo(40);
        String negative = weights.toString().replace("\"grade\":40.0", "\"grade\":-1.0");
        assertThat(json(service.putJson("/api/v1/municipalities/" + BEXBACH + "/weights", negative, "anna"), 400)
                .path("field").asText()).isEqualTo("weights");
    }

    @Test
    void badParametersAreNamedAndUnknownMunicipalitiesAreNotFound() throws IOException {
        assertThat(json(service.get("/api/v1/municipalities/123/items"), 400).path("field").asText()).isEqualTo("ags");
        assertThat(json(service.get("/api/v1/municipalities/99999999/items"), 404).path("reason").asText())
                .isEqualTo("municipality.unknown");
        assertThat(json(service.get(base() + "/items?grade=7"), 400).path("field").asText()).isEqualTo("grade");
        assertThat(json(service.get(base() + "/items?status=lost"), 400).path("field").asText()).isEqualTo("status");
        assertThat(json(upload(SurveyPictures.frame("pothole", 14), "far.jpg", 7.3), 400).path("reason").asText())
                .isEqualTo("position.outside_municipality");
    }

    @Test
    void healthPrometheusAndTheApiDocumentAreServed() {
        assertThat(service.get("/health").statusCode()).isEqualTo(200);
        assertThat(service.get("/prometheus").body()).contains("jvm_memory");
        assertThat(service.get("/openapi/roadpulse-road-ai.yml").body()).contains("/api/v1/municipalities/{ags}/items");
        HttpResponse<String> page = service.get("/maintenance/");
        assertThat(page.body()).contains("/webjars/leaflet/1.9.4/dist/leaflet.js");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    }

    private String base() {
        return "/api/v1/municipalities/" + THOLEY;
    }

    private HttpResponse<String> upload(byte[] jpeg, String name, double longitude) {
        return service.postMultipart(base() + "/images", List.of(new Part("file", name, jpeg),
                Part.field("lat", String.valueOf(ROAD_LAT)), Part.field("lon", String.format(Locale.ROOT, "%.4f",
                        longitude))));
    }

    /** The item (any status) at this longitude of the test road. */
    private JsonNode itemAt(double longitude) throws IOException {
        for (JsonNode item : json(service.get(base() + "/items?status=all"), 200).path("items")) {
            if (Math.abs(item.path("longitude").asDouble() - longitude) < 0.0002) {
                return item;
            }
        }
        throw new AssertionError("no item at longitude " + longitude);
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
