package org.roadpulse.ingest.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.cli.AgentCommand;
import org.roadpulse.ingest.endtoend.BastYearReference.Side;
import org.roadpulse.ingest.storage.Rollups;
import org.roadpulse.ingest.testing.HttpCalls;
import org.roadpulse.ingest.testing.TestLogins;
import org.roadpulse.protocol.testing.SharedData;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the history import end to end: the BASt year of station 5651 goes through the agent's import command
 * ({@code replay-bast --speed 0}) and the HTTP intake into the service, and the flow API's standard figures for 2021
 * equal those {@link BastYearReference} computes straight from the CSV.
 */
@Tag("slow")
class BastYearImportTest {

    private static final String SITE = "bast-zst5651";
    private static final String DEVICE = "bast-zst5651-2021";
    /** A municipality in North Rhine-Westphalia (05): its public holidays decide DTVw. */
    private static final String MUNICIPALITY = "05978024";
    private static final String YEAR = "from=2021-01-01&to=2022-01-01";
    /** The motorway cross-section with the import device as its only counter: BASt's direction 1 is forward. */
    private static final String SITE_JSON = """
            {"id": "%s", "municipality": "%s", "name": "A 4, BASt-Zählstelle 5651",
             "road": {"name": null, "number": "A 4"}, "location": {"latitude": 50.9, "longitude": 7.2},
             "lanes": {"forward": 2, "backward": 2},
             "directionLabels": {"forward": "Richtung 1 (BASt R1)", "backward": "Richtung 2 (BASt R2)"},
             "speedLimitKmh": null, "devices": ["%s"]}""".formatted(SITE, MUNICIPALITY, DEVICE);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path outbox;

    private static BastYearReference reference;
    private static RunningService service;
    private static HttpCalls http;

    @BeforeAll
    static void importTheYear() throws Exception {
        // GIVEN the file, the figures computed from it, and the service with the device and its site (over the API)
        Path file = SharedData.require("traffic/bast-zst5651-2021/zst5651_2021.csv");
        reference = BastYearReference.read(file);
        service = RunningService.start(Map.of("roadpulse.flow.refresh-ms", 0));
        http = TestLogins.operator(service.server);
        String secret = service.provision(DEVICE, MUNICIPALITY);
        HttpResponse<String> site = http.put("/api/v1/sites/" + SITE, "application/json",
                SITE_JSON.getBytes(StandardCharsets.UTF_8));
        assertThat(site.statusCode()).as(site.body()).isEqualTo(201);
        // WHEN the agent's import command sends the whole year over HTTP, as fast as the service acknowledges
        long started = System.nanoTime();
        int exit = AgentCommand.execute("replay-bast", file.toString(), "--device", DEVICE, "--secret", secret,
                "--uri", service.httpUri(), "--outbox", outbox.toString(), "--speed", "0", "--no-progress");
        Duration importTime = Duration.ofNanos(System.nanoTime() - started);
        assertThat(exit).isZero();
        // an HTTP 200 is sent after the commit: every hour is stored once the command is done
        service.awaitStored(DEVICE, reference.hoursInFile(), Duration.ofSeconds(30));
        started = System.nanoTime();
        service.context.getBean(Rollups.class).refreshNow();
        System.out.printf("BastYearImportTest: %d intervals imported in %.1f s, rollups refreshed in %.1f s%n",
                reference.hoursInFile(), importTime.toMillis() / 1000.0, (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyHourOfTheFileIsStoredOnce() {
        assertThat(service.storedMessages(DEVICE)).isEqualTo(8759);
        assertThat(reference.hoursInFile()).isEqualTo(8759);
    }

    @Test
    void crossSectionFiguresEqualThoseComputedFromTheFile() throws Exception {
        // WHEN the planner asks for 2021's figures of the cross-section
        JsonNode figures = get("/api/v1/flow/figures?sites=" + SITE + "&" + YEAR).path("figures");
        // THEN there is one, and it has what the file gives, counted over the complete days
        assertThat(figures).hasSize(1);
        assertFigures(figures.get(0), Side.BOTH);
    }

    @Test
    void figuresPerDirectionEqualThoseOfBastsTwoDirections() throws Exception {
        JsonNode figures = get("/api/v1/flow/figures?sites=" + SITE + "&" + YEAR + "&split=direction")
                .path("figures");
        assertThat(figures).hasSize(2);
        assertThat(figures.get(0).path("direction").asText()).isEqualTo("forward");
        assertFigures(figures.get(0), Side.R1);
        assertThat(figures.get(1).path("direction").asText()).isEqualTo("backward");
        assertFigures(figures.get(1), Side.R2);
    }

    private static void assertFigures(JsonNode figure, Side side) {
        // 365 days, of which the autumn DST day misses its repeated hour (BASt has 24 rows for its 25 hours)
        assertThat(figure.path("days").asInt()).isEqualTo(reference.days()).isEqualTo(365);
        assertThat(figure.path("completeDays").asInt()).isEqualTo(reference.completeDays()).isEqualTo(364);
        assertThat(figure.path("completeWorkdays").asInt()).isEqualTo(reference.completeWorkdays());
        assertThat(figure.path("dtv").asDouble()).as("DTV " + side).isEqualTo(twoDecimals(reference.dtv(side)));
        assertThat(figure.path("dtvw").asDouble()).as("DTVw " + side).isEqualTo(twoDecimals(reference.dtvw(side)));
        assertThat(figure.path("dtvSv").asDouble()).as("DTV_SV " + side)
                .isEqualTo(twoDecimals(reference.dtvSv(side)));
        assertThat(figure.path("svShare").asDouble()).as("SV-Anteil " + side)
                .isEqualTo(twoDecimals(reference.svShare(side)));
        assertThat(figure.path("msv").asLong()).as("MSV " + side).isEqualTo(reference.msv(side));
    }

    @Test
    void theSpringDstDayHas23HoursAllMeasured() throws Exception {
        // WHEN the planner asks for 28 March 2021 as one day bucket
        JsonNode day = dayBucket("2021-03-28");
        // THEN it runs from midnight CET to midnight CEST, 23 hours in both directions, complete
        assertThat(day.path("start").asText()).isEqualTo("2021-03-28T00:00+01:00");
        assertThat(day.path("end").asText()).isEqualTo("2021-03-29T00:00+02:00");
        assertThat(day.path("completeness").path("expectedSeconds").asLong()).isEqualTo(23 * 3600 * 2);
        assertThat(day.path("completeness").path("complete").asBoolean()).isTrue();
        assertThat(day.path("total").asLong()).isEqualTo(dayTotal("2021-03-28"));
    }

    @Test
    void theAutumnDstDayHas25HoursOfWhichTheRepeatedOneIsMissingNotZero() throws Exception {
        // WHEN the planner asks for 31 October 2021 as one day bucket
        JsonNode day = dayBucket("2021-10-31");
        // THEN it has 25 hours, 24 of them measured (BASt has one row for 02:00-03:00), and is not complete
        assertThat(day.path("end").asText()).isEqualTo("2021-11-01T00:00+01:00");
        assertThat(day.path("completeness").path("expectedSeconds").asLong()).isEqualTo(25 * 3600 * 2);
        assertThat(day.path("completeness").path("measuredSeconds").asLong()).isEqualTo(24 * 3600 * 2);
        assertThat(day.path("completeness").path("complete").asBoolean()).isFalse();
        assertThat(day.path("total").asLong()).isEqualTo(dayTotal("2021-10-31"));
        // AND in hours, the winter-time 02:00-03:00 is a bucket without volumes, not a zero
        JsonNode hours = get("/api/v1/flow/volumes?sites=" + SITE + "&from=2021-10-31&to=2021-11-01&bucket=hour")
                .path("series").get(0).path("buckets");
        assertThat(hours).hasSize(25);
        JsonNode repeated = hours.get(3);
        assertThat(repeated.path("start").asText()).isEqualTo("2021-10-31T02:00+01:00");
        assertThat(repeated.path("total").isNull()).isTrue();
        assertThat(hours.get(2).path("start").asText()).isEqualTo("2021-10-31T02:00+02:00");
        assertThat(hours.get(2).path("total").isNull()).isFalse();
    }

    private static JsonNode dayBucket(String date) throws Exception {
        String next = LocalDate.parse(date).plusDays(1).toString();
        JsonNode buckets = get("/api/v1/flow/volumes?sites=" + SITE + "&from=" + date + "&to=" + next + "&bucket=day")
                .path("series").get(0).path("buckets");
        assertThat(buckets).hasSize(1);
        return buckets.get(0);
    }

    private static long dayTotal(String date) {
        return reference.day(LocalDate.parse(date)).sum(hour -> hour.kfz(Side.BOTH));
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The API gives figures to two decimals. */
    private static double twoDecimals(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
