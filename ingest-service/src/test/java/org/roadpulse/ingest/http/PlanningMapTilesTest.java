package org.roadpulse.ingest.http;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.roadpulse.ingest.testing.HeadlessChromium;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that an operator's tile server becomes the planner map's background. The "tile server" here is a PNG
 * the service itself serves (from the Leaflet WebJar), so the test stays offline.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class PlanningMapTilesTest implements TestPropertyProvider {

    private final TestDatabase db = TestPostgres.freshDatabase();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(db.servicePropertiesInTempFolder());
        properties.put("roadpulse.planning.tile-url",
                "/webjars/leaflet/" + leafletVersion() + "/dist/images/layers.png?z={z}&x={x}&y={y}");
        properties.put("roadpulse.planning.tile-attribution", "Kacheln: Landesamt <i>Test</i>");
        return properties;
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void configuredTileUrlDrawsTilesAndTheirCredit() {
        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("de-DE", server)) {
            // WHEN the planner page opens on a service with a tile URL
            new PlanningPage(browser).open(server.getURL(), "");

            // THEN the map loads its tiles from there, credits the provider, and drops the "no background" note
            browser.waitUntil(d -> d.findElements(By.cssSelector("#map img.leaflet-tile-loaded")).size() > 0);
            assertThat(browser.text(By.cssSelector("#map .leaflet-control-attribution")))
                    .contains("Kacheln: Landesamt Test");
            assertThat(browser.driver().findElement(By.id("map")).getAttribute("class")).doesNotContain("no-tiles");
            assertThat(browser.driver().findElement(By.id("map-note")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.cssSelector("#map .leaflet-control-zoom-in"))
                    .getAttribute("title")).isEqualTo("Vergrößern");
        }
    }

    private static String leafletVersion() {
        try (InputStream in = PlanningMapTilesTest.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/leaflet/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
