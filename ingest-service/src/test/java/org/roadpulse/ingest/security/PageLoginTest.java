package org.roadpulse.ingest.security;

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
import org.roadpulse.ingest.testing.HeadlessChromium;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestLogins;
import org.roadpulse.ingest.testing.TestPostgres;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login page in headless Chromium: the planner page sends a visitor without login to it, a wrong password is
 * told in the page's language, and the right one leads on to the planner page with its data.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
@Tag("slow")
class PageLoginTest implements TestPropertyProvider {

    private final TestDatabase db = TestPostgres.freshDatabase();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return db.servicePropertiesInTempFolder();
    }

    @BeforeAll
    void createPlanner() {
        HeadlessChromium.assumeInstalled();
        int status = TestLogins.operator(server).post("/api/v1/users", "application/json", null, """
                {"username": "planner.browser", "password": "browser password 1", "roles": ["PLANNER"],
                 "municipalities": ["10045111"]}""".getBytes(StandardCharsets.UTF_8)).statusCode();
        assertThat(status).isEqualTo(201);
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void aPlannerLogsInThroughTheLoginPageAndReachesThePlannerPage() {
        try (HeadlessChromium browser = HeadlessChromium.start("en-GB")) {
            // GIVEN a visitor without login who asks for the planner page
            browser.open(server.getURL(), "/planning/");
            browser.waitUntil(d -> d.getCurrentUrl().contains("/login/") ? Boolean.TRUE : null);
            assertThat(browser.waitFor(By.id("title")).getText()).isEqualTo("Log in to RoadPulse");

            // WHEN a wrong password is given
            browser.driver().findElement(By.id("username")).sendKeys("planner.browser");
            browser.driver().findElement(By.id("password")).sendKeys("not the password");
            browser.driver().findElement(By.id("submit")).click();

            // THEN the page says so and stays
            browser.waitUntil(d -> d.findElement(By.id("message")).getText().isEmpty() ? null : Boolean.TRUE);
            assertThat(browser.text(By.id("message"))).isEqualTo("Wrong username or password.");

            // WHEN the right one is given
            browser.driver().findElement(By.id("password")).clear();
            browser.driver().findElement(By.id("password")).sendKeys("browser password 1");
            browser.driver().findElement(By.id("submit")).click();

            // THEN the planner page opens with its data, and the token cookie is out of the page's scripts' reach
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/planning/") ? Boolean.TRUE : null);
            browser.waitUntilTrue("return document.body.dataset.ready === 'true'");
            assertThat((String) browser.script("return document.cookie")).doesNotContain("JWT=")
                    .contains("CSRF-TOKEN=");
        }
    }

    @Test
    void theLoginPageSpeaksGerman() {
        try (HeadlessChromium browser = HeadlessChromium.start("de-DE")) {
            browser.open(server.getURL(), "/login/");
            assertThat(browser.waitFor(By.id("title")).getText()).isEqualTo("Bei RoadPulse anmelden");
            assertThat(browser.text(By.id("submit"))).isEqualTo("Anmelden");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
