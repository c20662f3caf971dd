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
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that the service serves the planner pages and everything they load from itself: the page, its
 * modules, the libraries from their WebJars, and the map settings. No request leaves the service.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanningResourcesTest implements TestPropertyProvider {

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
    void folderAddressesServeTheirPageAsFromThePackagedJar() {
        // WHEN the pages are asked for by their folders, with and without the slash
        HttpResponse<String> planning = http.get("/planning/");
        HttpResponse<String> apiDocs = http.get("/api-docs/");
        HttpResponse<String> noSlash = http.get("/planning");

        // THEN the service's own route answers (the static handler sends an empty page from a jar), and the address
        // without a slash is sent to the folder, so the pages' relative links resolve
        assertThat(planning.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(planning.body()).contains("<title>");
        assertThat(apiDocs.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(apiDocs.body()).contains("swagger");
        assertThat(noSlash.statusCode()).isEqualTo(308);
        assertThat(noSlash.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/planning/"));
    }

    @Test
    void plannerPageLoadsItsLibrariesFromTheServicesWebJars() {
        // WHEN the planner page is asked for by its folder
        HttpResponse<String> page = http.get("/planning/");

        // THEN it comes with the WebJar versions filled in, and each library it names is served
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("@chartjs.version@", "@leaflet.version@");
        List<String> libraries = attributes(page.body(), "/webjars/[^\"]+");
        assertThat(libraries).hasSize(3).anyMatch(path -> path.contains("/chart.js/"))
                .anyMatch(path -> path.endsWith("leaflet.js")).anyMatch(path -> path.endsWith("leaflet.css"));
        for (String library : libraries) {
            HttpResponse<String> response = http.get(library);
            assertThat(response.statusCode()).as(library).isEqualTo(200);
            assertThat(response.body()).as(library).hasSizeGreaterThan(10_000);
        }
    }

    @Test
    void plannerModulesAreServedAsJavaScript() {
        // WHEN the page's entry module is fetched
        HttpResponse<String> module = http.get("/planning/js/app.js");

        // THEN the browser gets it as JavaScript (a module with another type is refused)
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).contains("javascript"));
    }

    @Test
    void mapHasNoTileServerUnlessOneIsConfigured() throws IOException {
        // WHEN the page asks for its settings on a service without a tile URL
        HttpResponse<String> response = http.get("/api/v1/planning/settings");

        // THEN there is none, and the page draws its plain background
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode settings = mapper.readTree(response.body());
        assertThat(settings.path("tileUrl").isNull() || settings.path("tileUrl").isMissingNode()).isTrue();
    }

    private static List<String> attributes(String html, String valuePattern) {
        Matcher matcher = Pattern.compile("(?:href|src)=\"(" + valuePattern + ")\"").matcher(html);
        List<String> values = new java.util.ArrayList<>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }
}
