package org.roadpulse.ingest.testing;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that the browser fixture drives a real Chromium against the service, with the live page ({@code /}):
 * it loads in both languages without console errors, shows registered devices as text, and links to the
 * planner pages.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadlessChromiumTest implements TestPropertyProvider {

    private final TestDatabase db = TestPostgres.freshDatabase();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return db.servicePropertiesInTempFolder();
    }

    @BeforeAll
    void registerDevice() {
        HeadlessChromium.assumeInstalled();
        // GIVEN a device whose name looks like markup
        int status = TestLogins.operator(server).post("/api/v1/devices", "application/json", null,
                TestIntervals.utf8("{\"id\":\"nalbach-live-1\",\"municipality\":\"10044113\","
                        + "\"name\":\"Nalbach – <b>Piesbach</b>\"}")).statusCode();
        assertThat(status).isEqualTo(201);
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void livePageShowsDevicesInGermanWithoutConsoleErrors() {
        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("de-DE", server)) {
            // WHEN a German browser opens the live page
            browser.open(server.getURL(), "/");

            // THEN it is German, lists the device with its name as text, and logs no error
            browser.waitUntil(d -> d.findElements(By.cssSelector("#devices td")).size() > 1);
            assertThat(browser.driver().getTitle()).isEqualTo("RoadPulse – Zählstellen live");
            assertThat(browser.text(By.cssSelector("#devices tr:first-child td:first-child")))
                    .isEqualTo("Nalbach – <b>Piesbach</b> (nalbach-live-1)");
            assertThat(browser.driver().findElements(By.cssSelector("#devices b"))).isEmpty();
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void livePageFollowsTheBrowsersLanguageAndLinksToThePlannerPages() {
        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("en-GB", server)) {
            // WHEN an English browser opens the live page
            browser.open(server.getURL(), "/");

            // THEN it is English and links to the planner pages in English
            browser.waitUntil(d -> d.findElements(By.cssSelector("#devices td")).size() > 1);
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("RoadPulse – counting sites live");
            assertThat(browser.driver().findElement(By.id("planning")).getAttribute("href"))
                    .endsWith("/planning/?lang=en");
            assertThat(browser.text(By.id("planning"))).isEqualTo("Traffic volumes for planning");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
