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
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.testing.HeadlessChromium;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.protocol.StatusReport;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The live page in headless Chromium: a camera whose stream dropped shows its detector down, with the reason. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class LivePageTest implements TestPropertyProvider {

    private final TestDatabase db = TestPostgres.freshDatabase();

    @Inject
    EmbeddedServer server;

    @Inject
    DeviceRegistry devices;

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
    void showsTheDetectorDownBesideAnOnlineDeviceAndNothingForDevicesThatDoNotReportIt() {
        // GIVEN a camera unit online with its stream down, and a loop counter that reports no sensor
        devices.provision("tholey-live-cam", "10046118", "Tholey – Kamera", null);
        devices.provision("tholey-live-loop", "10046118", "Tholey – Schleife", null);
        devices.recordStatus(new StatusReport("tholey-live-cam", Instant.parse("2026-06-01T11:59:30Z"),
                StatusReport.State.ONLINE, "rp-agent 1.5", 0L, 10L, 60L,
                StatusReport.Sensor.down(Instant.parse("2026-06-01T11:58:00Z"), "the stream ended")));
        devices.recordStatus(new StatusReport("tholey-live-loop", Instant.parse("2026-06-01T11:59:30Z"),
                StatusReport.State.ONLINE, "loop 2.0", 0L, 10L, 60L));

        try (HeadlessChromium browser = HeadlessChromium.startAsOperator("en-GB", server)) {
            // WHEN the live page is opened in English
            browser.open(server.getURL(), "/?lang=en");

            // THEN the camera's detector is "down since" 13:58 Berlin time, with the reason on hover
            WebElement down = browser.waitFor(By.cssSelector("[data-sensor='down']"));
            assertThat(down.getText()).startsWith("down since").contains("13:58");
            assertThat(down.getDomAttribute("title")).isEqualTo("the stream ended");
            // AND only one row has a detector state at all
            assertThat(browser.driver().findElements(By.cssSelector("[data-sensor]"))).hasSize(1);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
