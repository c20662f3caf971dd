package org.roadpulse.ingest.endtoend;

import org.roadpulse.ingest.testing.FreePorts;
import org.roadpulse.ingest.testing.ServiceHealth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instance of the packaged service ({@code java -jar}) in a process of its own, so that a test can run several
 * on one broker and one database and kill one the way a crash does ({@code SIGKILL}: no shutdown hook, no
 * disconnect, no flush). Needs the shaded jar: tests using it are {@code *IT} and run after {@code package}.
 */
final class ServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "roadpulse-ingest-service.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");
    private static final Pattern STORED_OVER_MQTT =
            Pattern.compile("(?m)^roadpulse_intake_stored_total\\{[^}]*transport=\"mqtt\"[^}]*}\\s+(\\S+)$");

    private final String name;
    private final Process process;
    private final String base;
    private final Path log;

    private ServiceProcess(String name, Process process, String base, Path log) {
        this.name = name;
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * Starts an instance with these settings as environment variables (ROADPULSE_BROKER_URL and so on), its own data
     * folder and HTTP port, CoAP off; returns once {@code /health} answers.
     */
    static ServiceProcess start(String name, Path dataDir, Map<String, String> settings, Duration timeout)
            throws IOException, InterruptedException {
        int port = FreePorts.any();
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = new HashMap<>(Map.of(
                "MICRONAUT_SERVER_PORT", String.valueOf(port),
                "ROADPULSE_DATA_DIR", dataDir.toString(),
                "ROADPULSE_COAP_PORT", "-1",
                "ROADPULSE_COAP_DTLS_PORT", "-1"));
        environment.putAll(settings);
        builder.environment().putAll(environment);
        ServiceProcess service = new ServiceProcess(name, builder.start(), "http://127.0.0.1:" + port, log);
        ServiceHealth.await(service.process, service.base, timeout, service.log.toString());
        return service;
    }

    /**
     * Settings for an instance on this database and on an external broker, under its broker username (its MQTT client
     * ids and sessions follow from it), with the first operator's password for the admin API.
     */
    static Map<String, String> settings(String jdbcUrl, String dbUsername, String dbPassword, String brokerUrl,
                                        String brokerUsername, String brokerPassword, String operatorPassword) {
        return new HashMap<>(Map.of(
                "ROADPULSE_DATABASE_URL", jdbcUrl,
                "ROADPULSE_DATABASE_USERNAME", dbUsername,
                "ROADPULSE_DATABASE_PASSWORD", dbPassword,
                "ROADPULSE_BROKER_URL", brokerUrl,
                "ROADPULSE_BROKER_USERNAME", brokerUsername,
                "ROADPULSE_BROKER_PASSWORD", brokerPassword,
                "ROADPULSE_OPERATOR_PASSWORD", operatorPassword));
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** Logs in through the API; the token. */
    String login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/v1/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        return extract(TOKEN, response, 200);
    }

    /** Registers a device through the admin API, as an operator does; its secret. */
    String provision(String operatorToken, String deviceId, String municipality)
            throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/v1/devices", operatorToken, "{\"id\":\"" + deviceId
                + "\",\"municipality\":\"" + municipality + "\",\"name\":\"" + deviceId + "\"}");
        return extract(SECRET, response, 201);
    }

    /** Count messages this instance stored for the first time over MQTT, from its Prometheus counters. */
    long storedOverMqtt() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/prometheus"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher stored = STORED_OVER_MQTT.matcher(response.body());
        if (response.statusCode() != 200 || !stored.find()) {
            throw new IllegalStateException(name + ": no stored counter in /prometheus, " + response.statusCode());
        }
        return (long) Double.parseDouble(stored.group(1));
    }

    /** Like a power cut or the OOM killer: SIGKILL. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " still running after SIGKILL");
        }
    }

    private HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String extract(Pattern pattern, HttpResponse<String> response, int expectedStatus) {
        Matcher matcher = pattern.matcher(response.body());
        if (response.statusCode() != expectedStatus || !matcher.find()) {
            throw new IllegalStateException(name + " answered " + response.statusCode() + ": " + response.body());
        }
        return matcher.group(1);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the instance disconnects and stops cleanly
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
