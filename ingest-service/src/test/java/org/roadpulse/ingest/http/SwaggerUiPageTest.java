package org.roadpulse.ingest.http;

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
import org.openqa.selenium.WebElement;
import org.roadpulse.ingest.testing.HeadlessChromium;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The API documentation page in headless Chromium: Swagger UI reads the service's own document, offline. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class SwaggerUiPageTest implements TestPropertyProvider {

    private static final By OPERATION_PATHS = By.cssSelector(".opblock-summary-path[data-path]");

    private final TestDatabase db = TestPostgres.freshDatabase();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return db.servicePropertiesInTempFolder();
    }

    @BeforeAll
    void requireBrowser() {
        HeadlessChromium.assumeInstalled();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void listsTheFlowEndpointsWithoutConsoleErrors() {
        try (HeadlessChromium browser = HeadlessChromium.start("en-GB")) {
            // WHEN the API documentation page is opened
            browser.open(server.getURL(), "/api-docs/");

            // THEN Swagger UI has read the document: its title, and every flow query and export among the operations
            browser.waitFor(By.cssSelector(".opblock-summary-path[data-path='/api/v1/flow/volumes']"));
            assertThat(browser.text(By.cssSelector(".info .title"))).startsWith("RoadPulse ingest service");
            List<String> paths = browser.driver().findElements(OPERATION_PATHS).stream()
                    .map(path -> path.getDomAttribute("data-path")).toList();
            assertThat(paths).containsAll(OpenApiDocumentTest.FLOW_PATHS)
                    .contains("/api/v1/sites", "/api/v1/devices", "/api/v1/devices/{deviceId}/counts");

            // AND nothing went wrong in the browser (no failed load, no script error, no validator call)
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void isLinkedFromTheLivePageAndExplainsTheBucketParameter() {
        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("de-DE", server)) {
            // GIVEN the live page, in German, for an operator (without login it sends the visitor to log in)
            browser.open(server.getURL(), "/?lang=de");
            WebElement link = browser.waitFor(By.id("api-docs"));
            assertThat(link.getText()).isEqualTo("HTTP-API: Dokumentation (OpenAPI, Swagger UI)");

            // WHEN its API link is followed and the volumes query opened
            link.click();
            browser.waitFor(By.cssSelector(".opblock-summary-path[data-path='/api/v1/flow/volumes']")).click();

            // THEN the bucket parameter is explained, with the values it takes
            WebElement bucket = browser.waitFor(By.cssSelector("tr[data-param-name='bucket']"));
            assertThat(bucket.getText()).contains("Length of each bucket", "15min", "hour", "week", "year");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
