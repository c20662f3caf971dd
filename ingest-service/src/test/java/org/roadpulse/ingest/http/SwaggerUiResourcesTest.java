package org.roadpulse.ingest.http;

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
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that the service serves its API documentation from itself: the OpenAPI document at its stable URL, the
 * Swagger UI page with the scripts and styles it loads from the WebJar, and the links to it from the live and
 * planner pages. No request leaves the service.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwaggerUiResourcesTest implements TestPropertyProvider {

    private final TestDatabase db = TestPostgres.freshDatabase();

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
    void openApiDocumentIsServedAsYamlAtItsStableUrl() throws IOException {
        // WHEN the document is fetched
        HttpResponse<String> response = http.get("/openapi/roadpulse-ingest.yml");

        // THEN it is the one the build wrote, as YAML
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenApiDocumentTest.RESOURCE)) {
            assertThat(response.body()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void swaggerUiPageLoadsEverythingFromTheService() {
        // WHEN the API documentation page is opened by its folder
        HttpResponse<String> page = http.get("/api-docs/");

        // THEN it is HTML with the WebJar version filled in, pointing at the document
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.body()).doesNotContain("@swaggerui.version@")
                .contains("href=\"/openapi/roadpulse-ingest.yml\"");

        // AND every script and style it names is served by the service with its media type
        List<String> resources = attributes(page.body());
        assertThat(resources).contains("/api-docs/api-docs.js")
                .anyMatch(path -> path.startsWith("/webjars/swagger-ui/") && path.endsWith("/swagger-ui-bundle.js"))
                .anyMatch(path -> path.startsWith("/webjars/swagger-ui/") && path.endsWith("/swagger-ui.css"));
        for (String resource : resources) {
            HttpResponse<String> response = http.get(resource);
            assertThat(response.statusCode()).as(resource).isEqualTo(200);
            String expected = resource.endsWith(".css") ? "text/css" : "javascript";
            assertThat(response.headers().firstValue("Content-Type")).as(resource)
                    .hasValueSatisfying(type -> assertThat(type).contains(expected));
        }
    }

    @Test
    void liveAndPlannerPagesLinkToTheApiDocumentationInBothLanguages() {
        // WHEN the live page and the planner page (with its texts) are fetched
        String live = http.get("/").body() + http.get("/live.js").body();
        String planner = http.get("/planning/").body();
        String plannerTexts = http.get("/planning/js/texts.js").body();

        // THEN both link to /api-docs/, with a German and an English label
        assertThat(live).contains("href=\"/api-docs/\"", "HTTP-API: Dokumentation", "HTTP API: documentation");
        assertThat(planner).contains("href=\"/api-docs/\"", "data-text=\"apiDocs\"");
        assertThat(plannerTexts).contains("HTTP-API: Dokumentation", "HTTP API: documentation");
    }

    /** The local scripts and stylesheets a page loads (its src and stylesheet href attributes). */
    private static List<String> attributes(String html) {
        Matcher matcher = Pattern.compile("(?:<script src|<link rel=\"stylesheet\" href)=\"(/[^\"]+)\"").matcher(html);
        List<String> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }
}
