package org.roadpulse.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.roadpulse.ingest.testing.FlowFixture;
import org.roadpulse.ingest.testing.HeadlessChromium;
import org.roadpulse.ingest.testing.HttpCalls;
import org.roadpulse.ingest.testing.TestLogins;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.VehicleClass;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadpulse.ingest.testing.FlowFixture.BERLIN;
import static org.roadpulse.protocol.VehicleClass.BUS;
import static org.roadpulse.protocol.VehicleClass.LKW;
import static org.roadpulse.protocol.VehicleClass.PKW;
import static org.roadpulse.protocol.VehicleClass.SATTEL_KFZ;

/**
 * The planner page in headless Chromium against the real service and stored counts.
 *
 * <p>Known data, Bexbach (Saarland), local time: in week A (Mon 1 – Sun 7 March 2021) every hour forward 40 Pkw +
 * 5 Lkw + 1 Bus, backward 30 Pkw + 2 Sattel-Kfz (78 vehicles, 8 heavy), except Wednesday 3 March 10–12 h (missing:
 * an incomplete day) and all of Saturday 6 March (missing: a gap). Week B (22–28 February) is complete with 30
 * instead of 40 Pkw forward (68 per hour). A second site, without counts, has markup in its name.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class PlanningPageTest implements TestPropertyProvider {

    static final String SITE = "bexbach-rathausstrasse";
    static final String MARKUP_SITE = "nalbach-markup";
    static final String MARKUP_NAME = "Nalbach <img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";
    static final LocalDate WEEK_A = LocalDate.of(2021, 3, 1);
    static final LocalDate WEEK_B = LocalDate.of(2021, 2, 22);

    private final FlowFixture flow = new FlowFixture(TestPostgres.freshDatabase());
    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    private HttpCalls http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(flow.database().servicePropertiesInTempFolder());
        properties.put("roadpulse.flow.refresh-ms", "0"); // the fixture refreshes the rollups itself
        return properties;
    }

    @BeforeAll
    void storeKnownCounts() {
        HeadlessChromium.assumeInstalled();
        http = TestLogins.operator(server);
        provisionDevice("bexbach-planning-1", "10045111");
        putSite(SITE, """
                {"id": "bexbach-rathausstrasse", "municipality": "10045111", "name": "Bexbach – Rathausstraße",
                 "road": {"name": "Rathausstraße", "number": "L 119"},
                 "location": {"latitude": 49.3466, "longitude": 7.2597},
                 "lanes": {"forward": 1, "backward": 1},
                 "directionLabels": {"forward": "Richtung Homburg", "backward": "Richtung Neunkirchen"},
                 "speedLimitKmh": 50, "devices": ["bexbach-planning-1"]}""");
        putSite(MARKUP_SITE, """
                {"id": "nalbach-markup", "municipality": "10044113", "name": %s,
                 "road": {"name": "Hauptstraße"}, "location": {"latitude": 49.3829, "longitude": 6.7810},
                 "lanes": {"forward": 1, "backward": 1}, "devices": []}""".formatted(json(MARKUP_NAME)));
        List<CountInterval> intervals = new ArrayList<>();
        long seq = 1;
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                LocalDate date = WEEK_A.plusDays(day);
                boolean missing = date.getDayOfMonth() == 6 || (date.getDayOfMonth() == 3 && hour >= 10 && hour < 12);
                if (!missing) {
                    intervals.add(hourOf("bexbach-planning-1", seq, date, hour, 40));
                }
                intervals.add(hourOf("bexbach-planning-1", 100_000 + seq, WEEK_B.plusDays(day), hour, 30));
                seq++;
            }
        }
        flow.store(intervals);
    }

    @AfterAll
    void close() {
        flow.close();
    }

    @Test
    void loadsInGermanForAGermanBrowserWithoutConsoleErrors() {
        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("de-DE", server)) {
            // WHEN a browser that prefers German opens the page
            PlanningPage page = new PlanningPage(browser).open(server.getURL(), "");

            // THEN every text is German and nothing went wrong in the browser
            assertThat(page.language()).isEqualTo("de");
            assertThat(page.heading()).isEqualTo("RoadPulse – Verkehrsmengen für die Planung");
            assertThat(browser.text(By.id("show"))).isEqualTo("Anzeigen");
            assertThat(browser.text(By.id("selection-count"))).startsWith("Keiner ausgewählt");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void loadsInEnglishAndRemembersASwitchToGerman() {
        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("en-GB", server)) {
            // GIVEN a browser that prefers English
            PlanningPage page = new PlanningPage(browser).open(server.getURL(), "");
            assertThat(page.heading()).isEqualTo("RoadPulse – traffic volumes for planning");
            assertThat(browser.text(By.id("show"))).isEqualTo("Show");

            // WHEN the planner switches to German and comes back later
            page.switchLanguage("de");
            assertThat(page.heading()).isEqualTo("RoadPulse – Verkehrsmengen für die Planung");
            page.open(server.getURL(), "");

            // THEN the page is still German, and no error was logged on the way
            assertThat(page.language()).isEqualTo("de");
            assertThat(browser.text(By.id("show"))).isEqualTo("Anzeigen");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void sitesAppearInTheListAndOnTheMapAndAMarkerSelectsItsSite() {
        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("de-DE", server)) {
            // WHEN the page has loaded
            PlanningPage page = new PlanningPage(browser).open(server.getURL(), "");

            // THEN both sites are listed, each has a marker, and clicking a marker selects its site
            assertThat(page.siteNames()).containsExactly("Bexbach – Rathausstraße", MARKUP_NAME);
            assertThat(page.markersOnMap()).isEqualTo(2);
            assertThat(browser.text(By.cssSelector("#map .leaflet-control-scale"))).isNotBlank();
            page.clickMarker(SITE);
            assertThat(page.chosen(SITE)).isTrue();
            assertThat(browser.text(By.id("selection-count"))).isEqualTo("1 Messquerschnitt ausgewählt.");
        }
    }

    @Test
    void siteNameWithMarkupIsShownAsText() {
        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("de-DE", server)) {
            // WHEN the page shows a site whose name contains <img onerror> and <script>
            PlanningPage page = new PlanningPage(browser).open(server.getURL(), "");

            // THEN the list and the marker's tooltip show the name as it is, and none of it ran
            assertThat(page.siteNames()).contains(MARKUP_NAME);
            assertThat(page.markerTooltip(MARKUP_SITE)).isEqualTo(MARKUP_NAME);
            assertThat(browser.driver().findElements(By.cssSelector("#site-list img, #site-list script, "
                    + ".leaflet-tooltip img, .leaflet-tooltip script"))).isEmpty();
            assertThat(browser.script("return window.pwned === undefined")).isEqualTo(true);
        }
    }

    @Test
    void chosenSiteAndPeriodDrawOneStackedBarPerDayWithGapAndIncompleteDayMarked() {
        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("de-DE", server)) {
            // GIVEN the site and week A by day in 8+1 classes
            PlanningPage page = new PlanningPage(browser).open(server.getURL(), "");
            page.choose(SITE);
            page.period("2021-03-01", "2021-03-07");
            page.bucket("day");
            page.classes("8+1");

            // WHEN the planner asks
            page.show();

            // THEN seven stacked bars of the nine 8+1 categories: Saturday a gap, not a zero; Wednesday hatched
            Map<String, Object> chart = page.chart();
            assertThat(list(chart.get("labels"))).hasSize(7);
            assertThat(chart.get("stackedX")).isEqualTo(true);
            assertThat(chart.get("stackedY")).isEqualTo(true);
            List<Map<String, Object>> datasets = datasets(chart);
            assertThat(datasets).extracting(d -> d.get("label")).containsExactly(
                    "Krad", "Pkw", "Lfw", "PkwA", "Lkw", "LkwA", "Sattel-Kfz", "Bus", "nk Kfz");
            assertThat(datasets).allSatisfy(d -> assertThat(d.get("stack")).isEqualTo("series-0"));
            List<Object> pkw = list(datasets.get(1).get("data"));
            assertThat(pkw.get(0)).isEqualTo(70L * 24);
            assertThat(pkw.get(2)).isEqualTo(70L * 22);
            assertThat(pkw.get(5)).isNull();
            assertThat(list(datasets.get(1).get("hatched"))).containsExactly(
                    false, false, true, false, false, false, false);
            assertThat(page.chartSummary()).isEqualTo("7 Werte, davon 1 unvollständig und 1 ohne Messung.");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void hourlyBucketsInAnotherClassGroupGiveOneBarPerHourAndItsCategories() {
        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("en-GB", server)) {
            // GIVEN Monday of week A by hour in the SV grouping
            PlanningPage page = new PlanningPage(browser).open(server.getURL(), "");
            page.choose(SITE);
            page.period("2021-03-01", "2021-03-01");
            page.bucket("hour");
            page.classes("sv");

            // WHEN the planner asks
            page.show();

            // THEN 24 hourly bars, each a stack of heavy (8) and other (70) vehicles
            List<Map<String, Object>> datasets = datasets(page.chart());
            assertThat(list(page.chart().get("labels"))).hasSize(24);
            assertThat(datasets).extracting(d -> d.get("label")).containsExactly("Heavy vehicles", "Other vehicles");
            assertThat(list(datasets.get(0).get("data"))).hasSize(24).containsOnly(8L);
            assertThat(list(datasets.get(1).get("data"))).hasSize(24).containsOnly(70L);
        }
    }

    @Test
    void figuresTableShowsTheApiFiguresPerCrossSectionAndDirectionInTheReadersFormat() throws IOException {
        // GIVEN the API's figures for week A: five complete days of 78 vehicles an hour
        JsonNode api = mapper.readTree(http.get("/api/v1/flow/figures?sites=" + SITE
                + "&from=2021-03-01&to=2021-03-08").body()).get("figures").get(0);
        assertThat(api.get("dtv").asDouble()).isEqualTo(1872.0);
        assertThat(api.get("completeDays").asInt()).isEqualTo(5);
        assertThat(api.get("msv").asLong()).isEqualTo(78);

        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("de-DE", server)) {
            // WHEN a German planner asks for week A
            PlanningPage page = new PlanningPage(browser).open(server.getURL(), "");
            page.choose(SITE);
            page.period("2021-03-01", "2021-03-07");
            page.bucket("day");
            page.show();

            // THEN the table has the cross-section and both directions, with the API's values in German format
            assertThat(page.figureRows()).containsExactly(SITE + "/cross-section", SITE + "/forward",
                    SITE + "/backward");
            assertThat(page.figure(SITE, "cross-section", "dtv")).isEqualTo("1.872");
            assertThat(page.figure(SITE, "cross-section", "dtvw")).isEqualTo("1.872");
            assertThat(page.figure(SITE, "cross-section", "dtvSv")).isEqualTo("192");
            assertThat(page.figure(SITE, "cross-section", "svShare")).isEqualTo("10,3 %");
            assertThat(page.figure(SITE, "cross-section", "msv")).isEqualTo("78");
            assertThat(page.figure(SITE, "cross-section", "completeness"))
                    .isEqualTo("84,5 % · 5 von 7 Tagen vollständig");
            assertThat(page.figure(SITE, "forward", "dtv")).isEqualTo("1.104");
            assertThat(page.figure(SITE, "backward", "dtv")).isEqualTo("768");
            assertThat(browser.text(By.cssSelector("#figures-body tr[data-direction='forward'] th")))
                    .isEqualTo("Bexbach – Rathausstraße – Richtung Homburg");

            // AND in English the same values read the English way
            page.switchLanguage("en");
            assertThat(page.figure(SITE, "cross-section", "dtv")).isEqualTo("1,872");
            assertThat(page.figure(SITE, "cross-section", "svShare")).isEqualTo("10.3%");
        }
    }

    @Test
    void comparisonShowsBothWeeksAlignedByDayWithTotalsAndChange() {
        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("de-DE", server)) {
            // GIVEN week A by day; the page proposes the week before as period B
            PlanningPage page = new PlanningPage(browser).open(server.getURL(), "");
            page.choose(SITE);
            page.period("2021-03-01", "2021-03-07");
            page.bucket("day");
            assertThat(browser.driver().findElement(By.id("b-from")).getAttribute("value")).isEqualTo("2021-02-22");

            // WHEN the planner asks
            page.show();

            // THEN a line per week, seven days each, and the totals: 142 h × 78 against 168 h × 68, −3,0 %
            List<Map<String, Object>> lines = page.comparisonLines();
            assertThat(lines).extracting(line -> line.get("label")).containsExactly(
                    "Bexbach – Rathausstraße · Zeitraum A", "Bexbach – Rathausstraße · Zeitraum B");
            assertThat(lines).allSatisfy(line -> assertThat(list(line.get("data"))).hasSize(7));
            assertThat(list(lines.get(0).get("data"))).element(5).isNull();
            assertThat(list(lines.get(1).get("data"))).element(5).isEqualTo(68L * 24);
            List<String> row = page.comparisonRows().get(0);
            assertThat(row.get(1)).startsWith("11.076");
            assertThat(row.get(2)).startsWith("11.424");
            assertThat(row.get(3)).contains("3,0 %").contains("⚠");
            assertThat(browser.text(By.id("period-b-head"))).contains("22.02.2021");
        }
    }

    @Test
    void downloadLinksCarryTheCurrentQuery() {
        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("de-DE", server)) {
            // GIVEN a query for week A by day in 5+1 classes
            PlanningPage page = new PlanningPage(browser).open(server.getURL(), "");
            page.choose(SITE);
            page.period("2021-03-01", "2021-03-07");
            page.bucket("day");
            page.classes("5+1");

            // WHEN it has been answered
            page.show();

            // THEN each export link asks the API the same question ('to' exclusive, as the API wants it)
            String csv = page.downloadLink("csv");
            assertThat(URI.create(csv).getPath()).isEqualTo("/api/v1/flow/volumes.csv");
            assertThat(query(csv)).containsEntry("sites", SITE).containsEntry("from", "2021-03-01")
                    .containsEntry("to", "2021-03-08").containsEntry("bucket", "day")
                    .containsEntry("classes", "5+1").containsEntry("split", "cross-section");
            assertThat(query(page.downloadLink("csv-semicolon"))).containsEntry("format", "semicolon")
                    .containsEntry("sites", SITE);
            assertThat(URI.create(page.downloadLink("datex2")).getPath()).isEqualTo("/api/v1/flow/volumes.datex2.xml");
            assertThat(URI.create(page.downloadLink("ngsi-ld")).getPath())
                    .isEqualTo("/api/v1/flow/volumes.ngsi-ld.json");
            assertThat(URI.create(page.downloadLink("sites-geojson")).getPath()).isEqualTo("/api/v1/sites.geojson");
            // AND the service answers each of them with its export
            for (String export : List.of("csv", "csv-semicolon", "figures-csv", "datex2", "ngsi-ld", "sites-geojson",
                    "sites-datex2")) {
                URI link = URI.create(page.downloadLink(export));
                HttpResponse<String> response = http.get(link.getRawPath()
                        + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
                assertThat(response.statusCode()).as(export + ": " + response.body()).isEqualTo(200);
            }
        }
    }

    @Test
    void reversedPeriodShowsTheApisRefusalInTheReadersLanguage() {
        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("de-DE", server)) {
            // GIVEN a period whose end lies before its start
            PlanningPage page = new PlanningPage(browser).open(server.getURL(), "");
            page.choose(SITE);
            page.period("2021-03-10", "2021-03-01");

            // WHEN the planner asks
            page.show();

            // THEN the API's period.invalid on 'to' is shown in German, at the end date
            assertThat(page.queryError()).isEqualTo(
                    "Bis: Der Zeitraum ist leer oder verkehrt herum: das Ende muss nach dem Beginn liegen.");
            assertThat(browser.driver().findElement(By.id("to")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.chart()).isNull();

            // AND in English after a switch
            page.switchLanguage("en");
            assertThat(page.queryError())
                    .isEqualTo("To: The period is empty or reversed: the end must come after the start.");
        }
    }

    @Test
    void showsALoadingIndicatorWhileAQueryRuns() {
        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("de-DE", server)) {
            // GIVEN the API answers slowly (the page's fetch is held back until the test lets it go)
            PlanningPage page = new PlanningPage(browser).open(server.getURL(), "");
            page.choose(SITE);
            page.period("2021-03-01", "2021-03-07");
            browser.script("""
                    const realFetch = window.fetch;
                    window.releaseFetch = null;
                    const gate = new Promise(resolve => { window.releaseFetch = resolve; });
                    window.fetch = (...args) => gate.then(() => realFetch(...args));""");

            // WHEN the planner asks
            browser.driver().findElement(By.id("show")).click();

            // THEN "Wird geladen …" shows until the answer is there
            assertThat(browser.waitFor(By.id("loading")).getText()).isEqualTo("Wird geladen …");
            browser.script("window.releaseFetch()");
            browser.waitUntil(d -> !d.findElement(By.id("loading")).isDisplayed());
            assertThat(page.chart()).isNotNull();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> datasets(Map<String, Object> chart) {
        return (List<Map<String, Object>>) chart.get("datasets");
    }

    private static CountInterval hourOf(String device, long seq, LocalDate date, int hour, int forwardPkw) {
        Instant start = date.atTime(hour, 0).atZone(BERLIN).toInstant();
        Map<VehicleClass, Integer> forward = Map.of(PKW, forwardPkw, LKW, 5, BUS, 1);
        Map<VehicleClass, Integer> backward = Map.of(PKW, 30, SATTEL_KFZ, 2);
        return FlowFixture.interval(device, seq, start, 3600, forward, backward);
    }

    private static Map<String, String> query(String link) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : URI.create(link).getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private String json(String text) {
        try {
            return mapper.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void provisionDevice(String id, String municipality) {
        HttpResponse<String> response = http.post("/api/v1/devices", "application/json", null,
                ("{\"id\":\"" + id + "\",\"municipality\":\"" + municipality + "\",\"name\":\"" + id + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private void putSite(String id, String body) {
        HttpResponse<String> response = http.put("/api/v1/sites/" + id, "application/json",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }
}
