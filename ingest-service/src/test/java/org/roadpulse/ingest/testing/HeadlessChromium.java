package org.roadpulse.ingest.testing;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver with Selenium: a real browser for page tests,
 * offline. Both binaries are named explicitly, so Selenium Manager never looks for (or downloads) a driver or a
 * browser. Each instance has a fresh profile, so nothing a page remembers (the language choice) leaks between
 * browsers. Tests call {@link #assumeInstalled()} first: without the packages they are skipped, not failed.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * Selenium looks for DevTools bindings of the browser's exact version and warns when it has none; the tests use
     * only WebDriver commands, so the warning says nothing here. Held so the setting is not collected.
     */
    private static final Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test unless the chromium and chromium-driver packages are installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "page tests need Debian's chromium and chromium-driver (" + BROWSER + ", " + DRIVER + ")");
    }

    /**
     * Starts a browser whose preferred language is {@code language} (e.g. "de-DE", "en-GB"): what
     * {@code navigator.languages} reports and what it sends as Accept-Language.
     */
    public static HeadlessChromium start(String language) {
        assumeInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("roadpulse-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // The flags of DEPENDENCIES.md: without the background-networking ones Chromium keeps trying to reach
        // Google's hosts, which this closed network refuses.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    public WebDriver driver() {
        return driver;
    }

    /** A browser ({@link #start}) logged in to {@code server} as an operator ({@link TestLogins}). */
    public static HeadlessChromium startAsOperator(String language, io.micronaut.runtime.server.EmbeddedServer server) {
        HeadlessChromium browser = start(language);
        try {
            return browser.loggedIn(server.getURL(), TestLogins.operatorToken(server.getApplicationContext()));
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    /**
     * Logs the browser in as the token's person: sets the pages' login cookie as the login page would. The login page
     * itself is tested in access.PageLoginTest.
     */
    public HeadlessChromium loggedIn(URL base, String token) {
        open(base, "/login/");
        driver.manage().addCookie(new org.openqa.selenium.Cookie.Builder("JWT", token).path("/").isHttpOnly(true)
                .sameSite("Strict").build());
        return this;
    }

    /** Loads a page of the service under test, e.g. {@code open(server.getURL(), "/planning/?lang=en")}. */
    public void open(URL base, String pathAndQuery) {
        driver.get(base.toString().replaceAll("/$", "") + pathAndQuery);
    }

    /** The element once it is visible. */
    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the condition gives something other than null or false, and returns that. */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition::apply);
    }

    /** Waits until the script returns true (for conditions only the page's own state can tell). */
    public void waitUntilTrue(String script, Object... arguments) {
        waitUntil(d -> Boolean.TRUE.equals(script(script, arguments)) ? Boolean.TRUE : null);
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public String text(By locator) {
        return driver.findElement(locator).getText();
    }

    /**
     * Console errors and failed loads since the last call (the browser hands each log entry out once). A page
     * that works quietly has none.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** A PNG of the window, for looking at a page a test produced. */
    public Path screenshot(Path file) {
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless; the test result is what matters.
        }
    }
}
