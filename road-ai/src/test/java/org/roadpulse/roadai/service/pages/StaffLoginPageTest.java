package org.roadpulse.roadai.service.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.roadpulse.roadai.service.AccountServiceStandIn;
import org.roadpulse.roadai.service.RunningService;
import org.roadpulse.roadai.service.TestPostgres;

/** The staff pages' login in headless Chromium: sent to the login page, back after logging in, out again. */
@Tag("slow")
@Tag("security")
class StaffLoginPageTest {

    @Test
    void aPersonWithoutLoginLogsInOnTheLoginPageAndComesBackToTheListAndCanLogOut(@TempDir Path dataDir) {
        try (AccountServiceStandIn accounts = AccountServiceStandIn.start();
             RunningService service = RunningService.start(dataDir, TestPostgres.freshDatabase(), false,
                     Map.of("roadai.access.accounts-url", accounts.url()));
             HeadlessChromium browser = HeadlessChromium.start("de-DE")) {
            // GIVEN no login: the staff page sends the browser to the login page
            browser.driver().get(service.url() + "/maintenance/?ags=" + RunningService.THOLEY);
            browser.waitFor("return location.pathname === '/login/' && document.getElementById('title')"
                    + ".textContent === 'Bei RoadPulse anmelden'");

            // WHEN a wrong password is given, THEN it says so in German and stays
            logIn(browser, AccountServiceStandIn.USER, "wrong");
            browser.waitFor("return document.getElementById('message').textContent"
                    + " === 'Benutzername oder Passwort ist falsch.'");

            // WHEN the right one is given, THEN the list opens with the person's name
            logIn(browser, AccountServiceStandIn.USER, AccountServiceStandIn.PASSWORD);
            browser.waitFor("return document.body.dataset.ready === 'list'");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/maintenance/?ags=" + RunningService.THOLEY);
            assertThat(browser.driver().findElement(By.id("who")).getText()).isEqualTo(AccountServiceStandIn.USER);
            assertThat(browser.script("return document.cookie.includes('JWT=')")).as("the token is HttpOnly")
                    .isEqualTo(false);

            // WHEN they log out, THEN they are back on the login page and the list is closed to them
            browser.driver().findElement(By.id("logout")).click();
            browser.waitFor("return location.pathname === '/login/'");
            browser.driver().get(service.url() + "/maintenance/");
            browser.waitFor("return location.pathname === '/login/'");
            assertThat(browser.consoleErrors()).allMatch(error -> error.contains("401"));
        }
    }

    private static void logIn(HeadlessChromium browser, String user, String password) {
        browser.driver().findElement(By.id("username")).clear();
        browser.driver().findElement(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).clear();
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.id("submit")).click();
    }
}
