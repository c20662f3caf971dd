package org.roadpulse.roadai.service.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadpulse.roadai.service.RunningService.THOLEY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.roadpulse.platform.access.Role;
import org.roadpulse.roadai.service.RunningService;
import org.roadpulse.roadai.service.RunningService.Part;
import org.roadpulse.roadai.service.SurveyPictures;

/** The staff pages in headless Chromium against the running service with three items on the Tholey road. */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
class StaffPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private RunningService service;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        service = RunningService.start(dataDir, true);
        service.postJson(base() + "/roads", RunningService.THOLEY_ROAD, "gis-office");
        for (int i = 0; i < 3; i++) {
            service.postMultipart(base() + "/images", List.of(
                    new Part("file", "frame-" + i + ".jpg", SurveyPictures.frame("pothole", 100 + i)),
                    Part.field("lat", "49.48"), Part.field("lon", String.valueOf(7.032 + 0.006 * i))));
        }
        // and one inside Tholey but far from its imported road: its detections are unmatched
        service.postMultipart(base() + "/images", List.of(
                new Part("file", "field.jpg", SurveyPictures.frame("pothole", 199)),
                Part.field("lat", "49.50"), Part.field("lon", "7.10")));
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void theListRendersInTheBrowsersLanguageAndSwitchesToEnglish() throws IOException {
        JsonNode list = JSON.readTree(service.get(base() + "/items").body());
        try (HeadlessChromium browser = staff("de-DE", "Anna Schäfer")) {
            browser.driver().get(service.url() + "/maintenance/?ags=" + THOLEY);
            browser.waitFor("return document.body.dataset.ready === 'list'");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#item-rows tr"));
            assertThat(rows).hasSize(list.path("count").asInt()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Schadensliste Straßenunterhaltung");
            assertThat(browser.driver().findElement(By.id("item-rows")).getText()).contains("Schlagloch", "neu",
                    "Hauptstraße");
            assertThat(browser.driver().findElement(By.id("unmatched-summary")).getText())
                    .matches("Erkennungen abseits der Straßen: [1-9][0-9]*");
            // the map shows one marker per item
            assertThat(browser.driver().findElements(By.cssSelector("#map path.leaflet-interactive")).size())
                    .isGreaterThanOrEqualTo(3);
            browser.driver().findElement(By.cssSelector("button[data-lang=en]")).click();
            browser.waitFor("return document.querySelector('h1').textContent === 'Road maintenance list'");
            assertThat(browser.driver().findElement(By.id("item-rows")).getText()).contains("pothole", "new");
            assertThat(browser.driver().findElement(By.id("export-csv")).getAttribute("href"))
                    .endsWith("/items.csv?status=open");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void anItemShowsItsImageAndBreakdownAndConfirmingItWorks() throws IOException {
        long id = JSON.readTree(service.get(base() + "/items").body()).path("items").get(0).path("id").asLong();
        try (HeadlessChromium browser = staff("en-GB", "Anna Schäfer")) {
            browser.driver().get(service.url() + "/maintenance/?ags=" + THOLEY + "#item-" + id);
            browser.waitFor("return document.body.dataset.ready === 'item-" + id + "'");
            assertThat(browser.driver().findElements(By.cssSelector("#why-rows tr"))).hasSize(6);
            assertThat(browser.driver().findElement(By.id("why")).getText()).contains("Traffic", "Landesstraße");
            browser.waitFor("const i = document.getElementById('item-overlay'); return i.complete && i.naturalWidth > 0");
            browser.driver().findElement(By.cssSelector("button[data-action=confirm]")).click();
            browser.waitFor("return document.body.dataset.done === 'confirm-" + id + "'");
            assertThat(browser.driver().findElement(By.id("item-facts")).getText()).contains("confirmed");
            assertThat(browser.driver().findElement(By.id("history")).getText()).contains("Anna Schäfer: confirm");
        }
        JsonNode stored = JSON.readTree(service.get(base() + "/items/" + id).body());
        assertThat(stored.path("item").path("status").asText()).isEqualTo("confirmed");
        assertThat(stored.path("history").get(1).path("who").asText()).isEqualTo("Anna Schäfer");
    }

    @Test
    void theWhyHereBasesAreWordedInGermanAndInEnglishFromTheFacts() throws IOException {
        // GIVEN an item on the Tholey state road, which has no measurement site
        long id = pickItem(1);
        JsonNode item = JSON.readTree(service.get(base() + "/items/" + id).body()).path("item");
        double grade = item.path("grade").asDouble();
        double certainty = item.path("why").get(5).path("facts").path("certainty").asDouble();
        try (HeadlessChromium browser = staff("de-DE", "Anna Schäfer")) {
            // WHEN its view is opened in German
            browser.driver().get(service.url() + "/maintenance/?ags=" + THOLEY + "#item-" + id);
            browser.waitFor("return document.body.dataset.ready === 'item-" + id + "'");
            // THEN every basis is German, with German numbers and the German road class
            List<String> german = bases(browser);
            assertThat(german.get(0)).contains("Schlagloch");
            assertThat(german.get(1)).isEqualTo(String.format(Locale.GERMANY, "Zustandsnote %.1f", grade));
            assertThat(german.get(2))
                    .isEqualTo("DTV 6.000, 5 % Schwerverkehr · Vorgabewert für Landesstraße: keine Messstelle");
            assertThat(german.get(3)).isEqualTo("Landesstraße");
            assertThat(german.get(4)).isEqualTo("seit heute bekannt");
            assertThat(german.get(5)).isEqualTo(certainty >= 1 ? "bestätigt"
                    : String.format(Locale.GERMANY, "Modell zu %.0f %% sicher", certainty * 100));
            assertThat(String.join(" ", german)).doesNotContain("default", "heavy", "known", "grade", "model");
            assertThat(browser.driver().findElement(By.id("item-facts")).getText()).contains("Hauptstraße · Landesstraße");
            // AND in English they are English
            browser.driver().findElement(By.cssSelector("button[data-lang=en]")).click();
            browser.waitFor("return document.querySelector('h1').textContent === 'Road maintenance list'");
            List<String> english = bases(browser);
            assertThat(english.get(1)).isEqualTo(String.format(Locale.ROOT, "grade %.1f", grade));
            assertThat(english.get(2)).isEqualTo(
                    "DTV 6,000, 5% heavy vehicles · default for a state road (Landesstraße): no measurement site");
            assertThat(english.get(3)).isEqualTo("state road (Landesstraße)");
            assertThat(english.get(4)).isEqualTo("known since today");
            assertThat(String.join(" ", english)).doesNotContain("Schwerverkehr", "Vorgabewert", "bekannt", "Modell");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void everyTrafficSourceAndRoadClassTheApiNamesIsWordedInBothLanguages() {
        try (HeadlessChromium browser = staff("de-DE", "Anna Schäfer")) {
            browser.driver().get(service.url() + "/maintenance/?ags=" + THOLEY);
            browser.waitFor("return document.body.dataset.ready === 'list'");
            // WHEN the page's own wording is asked for the traffic facts of each source code, in German and English
            @SuppressWarnings("unchecked")
            java.util.Map<String, List<String>> worded = (java.util.Map<String, List<String>>)
                    ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const traffic = (source, more) => ({ term: "traffic", basis: "English from the server",
                      facts: { dtv: 12345, heavyShare: 0.125, source, ...more } });
                    const terms = [
                      traffic("measured", { siteId: "tholey-l141", from: "2025-12-06", to: "2026-12-06" }),
                      traffic("road-class-default", { roadClass: "federal" }),
                      traffic("flow-api-not-configured", { siteId: "k-1", roadClass: "district" }),
                      traffic("flow-api-unavailable", { siteId: "k-1", roadClass: "municipal-main" }),
                      traffic("flow-api-refused", { siteId: "k-1", roadClass: "state" }),
                      traffic("no-complete-day", { siteId: "k-1", roadClass: "residential" }),
                      { term: "roadClass", basis: "Wirtschafts- oder Radweg", facts: { roadClass: "path" } },
                      { term: "a-new-term", basis: "English from the server", facts: {} },
                    ];
                    Promise.all([import("/maintenance/js/why.js"), import("/maintenance/js/i18n.js")])
                      .then(([why, i18n]) => {
                        const out = {};
                        for (const lang of ["de", "en"]) {
                          i18n.setLanguage(lang);
                          out[lang] = terms.map(term => why.basis(term).replace(/\u00a0/g, " "));
                        }
                        done(out);
                      }, error => done({ error: [String(error)] }));
                    """);
            // THEN each is worded, German with German numbers and dates
            assertThat(worded.get("de")).containsExactly(
                    "DTV 12.345, 13 % Schwerverkehr · gemessen an Messstelle tholey-l141, 06.12.2025 bis 06.12.2026",
                    "DTV 12.345, 13 % Schwerverkehr · Vorgabewert für Bundesstraße: keine Messstelle",
                    "DTV 12.345, 13 % Schwerverkehr · Vorgabewert für Kreisstraße: "
                            + "Verkehrsdaten-Schnittstelle nicht eingerichtet",
                    "DTV 12.345, 13 % Schwerverkehr · Vorgabewert für Gemeindestraße (Hauptverkehr): "
                            + "Verkehrsdaten der Messstelle k-1 nicht abrufbar",
                    "DTV 12.345, 13 % Schwerverkehr · Vorgabewert für Landesstraße: "
                            + "Verkehrsdaten der Messstelle k-1 nicht freigegeben",
                    "DTV 12.345, 13 % Schwerverkehr · Vorgabewert für Anliegerstraße: "
                            + "an Messstelle k-1 kein vollständiger Tag gemessen",
                    "Wirtschafts- oder Radweg",
                    "English from the server");
            assertThat(worded.get("en")).hasSize(8).allSatisfy(text -> assertThat(text)
                    .doesNotContain("source_", "roadClass_", "undefined", "Schwerverkehr", "Vorgabewert"));
            assertThat(worded.get("en").get(0))
                    .isEqualTo("DTV 12,345, 13% heavy vehicles · measured at site tholey-l141, 6 Dec 2025 to 6 Dec 2026");
            assertThat(worded.get("en").get(6)).isEqualTo("farm or cycle track (Wirtschaftsweg)");
        }
    }

    /** The "why here" table's basis column, with no-break spaces as plain ones. */
    private static List<String> bases(HeadlessChromium browser) {
        return browser.driver().findElements(By.cssSelector("#why-rows td:nth-child(2)")).stream()
                .map(cell -> cell.getText().replace('\u00a0', ' ')).toList();
    }

    @Test
    void commentsAndNamesAreShownAsTextNeverRunAsMarkup() {
        long id = pickItem(2);
        String attack = "<img src=x onerror=\"window.__pwned=1\">";
        try (HeadlessChromium browser = staff("en-GB", "<script>window.__pwned=2</script>")) {
            browser.driver().get(service.url() + "/maintenance/?ags=" + THOLEY + "#item-" + id);
            browser.waitFor("return document.body.dataset.ready === 'item-" + id + "'");
            assertThat(browser.driver().findElement(By.id("who")).getText()).isEqualTo("<script>window.__pwned=2</script>");
            browser.driver().findElement(By.id("comment-text")).sendKeys(attack);
            browser.driver().findElement(By.cssSelector("button[data-action=comment]")).click();
            browser.waitFor("return document.body.dataset.done === 'comment-" + id + "'");
            assertThat(browser.driver().findElement(By.id("comments")).getText()).contains(attack);
            assertThat(browser.driver().findElements(By.cssSelector("#comments img, #history script"))).isEmpty();
            assertThat(browser.script("return window.__pwned === undefined")).isEqualTo(true);
        }
    }

    @Test
    void aDrivesFolderIsImportedFromThePageWithAReportThatShowsFileNamesAsText(@TempDir Path folder)
            throws IOException {
        // "=", ";" and "," in a name reach the report unchanged (Netty's decoder alone would make them spaces)
        Path good = java.nio.file.Files.write(folder.resolve("km=1; 0001,a.jpg"),
                SurveyPictures.withGps(SurveyPictures.frame("pothole", 150), 49.48, 7.047));
        Path evil = java.nio.file.Files.write(folder.resolve("<b>bold<i>frame.jpg"),
                "not a picture".getBytes());
        try (HeadlessChromium browser = staff("de-DE", "Anna Schäfer")) {
            browser.driver().get(service.url() + "/maintenance/?ags=" + THOLEY);
            browser.waitFor("return document.body.dataset.ready === 'list'");
            browser.driver().findElement(By.cssSelector("#import-section summary")).click();
            browser.driver().findElement(By.id("import-files")).sendKeys(good + "\n" + evil);
            browser.driver().findElement(By.id("import-start")).click();
            browser.waitFor("return document.body.dataset.imported === '2'");
            String report = browser.driver().findElement(By.id("import-report")).getText();
            assertThat(report).contains("km=1; 0001,a.jpg gespeichert", "<b>bold<i>frame.jpg abgelehnt", "kein JPEG-Bild");
            assertThat(browser.driver().findElements(By.cssSelector("#import-rows b, #import-rows i"))).isEmpty();
            assertThat(browser.driver().findElement(By.id("import-summary")).getText())
                    .isEqualTo("1 gespeichert, 0 schon vorhanden, 1 abgelehnt.");
        }
    }

    /** A browser logged in as a maintenance worker of Tholey. */
    private HeadlessChromium staff(String language, String name) {
        return HeadlessChromium.start(language).loggedIn(service.url(),
                RunningService.token(name, Set.of(Role.MAINTENANCE), Set.of(THOLEY)));
    }

    private long pickItem(int index) {
        try {
            return JSON.readTree(service.get(base() + "/items?status=all").body()).path("items").get(index)
                    .path("id").asLong();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String base() {
        return "/api/v1/municipalities/" + THOLEY;
    }
}
