package org.roadpulse.ingest.packaged;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.testing.FreePorts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service as a user starts it ({@code java -jar}): it comes up on its embedded database and broker and
 * serves its pages with everything they load. Resources behave differently from a jar than from the build's folders
 * (a folder address answered with an empty page once), which no in-process test can see.
 */
class PackagedServiceIT {

    private static final Path JAR = Path.of("target", "roadpulse-ingest-service.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Process service;
    private static String base;
    private static Path dataDir;
    /** The first operator's token, logged in with the password the service wrote to its data folder. */
    private static String operator;

    @BeforeAll
    static void start() throws Exception {
        int port = FreePorts.any();
        base = "http://localhost:" + port;
        dataDir = Files.createTempDirectory("roadpulse-packaged");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("service.log").toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().put("ROADPULSE_DATA_DIR", dataDir.toString());
        builder.environment().put("ROADPULSE_DATABASE_EMBEDDED_PORT", String.valueOf(FreePorts.any()));
        builder.environment().put("ROADPULSE_DATABASE_DURABLE", "false");
        builder.environment().put("ROADPULSE_BROKER_EMBEDDED_PORT", String.valueOf(FreePorts.any()));
        builder.environment().put("ROADPULSE_COAP_PORT", "-1");
        builder.environment().put("ROADPULSE_COAP_DTLS_PORT", "-1");
        builder.environment().put("ROADPULSE_DEMO_SEED_DEVICES", "true");
        service = builder.start();
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            assertThat(service.isAlive()).as("service running (see %s)", dataDir.resolve("service.log")).isTrue();
            try {
                if (get("/health").statusCode() == 200) {
                    operator = login("operator", Files.readString(dataDir.resolve("operator-password")).trim());
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            assertThat(Instant.now()).as("service up within 90 s").isBefore(deadline);
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.destroy(); // SIGTERM: the service stops its embedded database and broker
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    @Test
    void servesItsPagesAndWhatTheyLoad() throws Exception {
        for (String page : new String[]{"/", "/planning/", "/api-docs/", "/login/"}) {
            HttpResponse<String> response = get(page, operator);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(page)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(response.body()).as(page).contains("<title>");
            Matcher loaded = Pattern.compile("(?:src|href)=\"(/webjars/[^\"]+|js/[^\"]+|[a-z-]+\\.js)\"")
                    .matcher(response.body());
            while (loaded.find()) {
                String path = loaded.group(1).startsWith("/") ? loaded.group(1) : page + loaded.group(1);
                HttpResponse<String> asset = get(path, operator);
                assertThat(asset.statusCode()).as(path).isEqualTo(200);
                assertThat(asset.body()).as(path).isNotEmpty();
            }
        }
    }

    @Test
    void answersTheApiWithTheDemoSites() throws Exception {
        HttpResponse<String> sites = get("/api/v1/sites", operator);
        HttpResponse<String> figures = get("/api/v1/flow/figures?sites=bexbach-rathausstrasse&from=2026-01-01"
                + "&to=2026-01-02", operator);
        HttpResponse<String> openApi = get("/openapi/roadpulse-ingest.yml");

        assertThat(sites.body()).contains("bexbach-rathausstrasse", "tholey-metzer-strasse");
        assertThat(figures.statusCode()).isEqualTo(200);
        assertThat(figures.body()).contains("\"completeness\"");
        assertThat(openApi.body()).contains("/api/v1/flow/volumes");
    }

    @Test
    void aDemoPlannerLogsInWithThePasswordFromTheDataFolderAndSeesOnlyTheirMunicipality() throws Exception {
        // GIVEN the demo accounts' passwords, written by the service on its first start
        String bexbach = Files.readAllLines(dataDir.resolve("demo-people.txt")).stream()
                .filter(line -> line.startsWith("planner.bexbach ")).findFirst().orElseThrow().split(" ")[1];

        // WHEN Bexbach's planner logs in and lists the sites, and someone without login tries
        HttpResponse<String> sites = get("/api/v1/sites", login("planner.bexbach", bexbach));
        HttpResponse<String> anonymous = get("/api/v1/sites");

        // THEN the planner sees Bexbach's site only; without login nothing
        assertThat(sites.statusCode()).isEqualTo(200);
        assertThat(sites.body()).contains("bexbach-rathausstrasse").doesNotContain("tholey-metzer-strasse");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static String login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, null);
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
