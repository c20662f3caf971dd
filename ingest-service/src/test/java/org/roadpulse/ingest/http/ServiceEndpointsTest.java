package org.roadpulse.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.testing.HttpCalls;
import org.roadpulse.ingest.testing.TestLogins;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and newcomers look at: health, metrics and the live page. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceEndpointsTest implements TestPropertyProvider {

    private final TestDatabase db = TestPostgres.freshDatabase();

    @Inject
    EmbeddedServer server;
    @Inject
    IngestSettings.Writer writerSettings;
    @Inject
    IngestSettings.Database databaseSettings;

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
    void healthIncludesTheDatabase() throws IOException {
        // WHEN health is asked
        HttpResponse<String> response = http.get("/health");

        // THEN the database is up and reported
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode database = new ObjectMapper().readTree(response.body()).get("details").get("database");
        assertThat(database.get("status").asText()).isEqualTo("UP");
        assertThat(database.get("details").get("embedded").asBoolean()).isFalse();
    }

    @Test
    void prometheusShowsTheIntakeAndWriterMetrics() {
        // WHEN the metrics are scraped
        HttpResponse<String> response = http.get("/prometheus");

        // THEN the intake counters and the writer's queue and batch metrics are there
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("roadpulse_intake_received_total", "roadpulse_writer_queue_depth",
                "roadpulse_writer_batch_seconds");
    }

    @Test
    void livePageIsServedAtTheRoot() {
        // WHEN the root is opened
        HttpResponse<String> response = http.get("/");

        // THEN it is the live page, its script a file of its own (the CSP allows no inline script), in German and
        // English, reading the device list, writing names as text only
        HttpResponse<String> script = http.get("/live.js");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<script src=\"/live.js\"></script>");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("/api/v1/devices", "Zählstellen live", "counting sites live",
                "textContent");
        assertThat(script.body()).doesNotContain("innerHTML", "insertAdjacentHTML", "document.write");
    }

    @Test
    void settingsAreBoundFromTheConfiguration() {
        // THEN the defaults of application.yml arrive in the typed settings, and the test's database URL too
        assertThat(writerSettings).isEqualTo(new IngestSettings.Writer(1000, 10, 20000, 2));
        assertThat(databaseSettings.url()).isEqualTo(db.jdbcUrl());
        assertThat(databaseSettings.embedded()).isFalse();
        assertThat(databaseSettings.durable()).isTrue();
    }

    @Test
    void unknownPathIsAnswered404InTheUsualShape() throws IOException {
        // WHEN a path nobody serves is asked
        HttpResponse<String> response = http.post("/api/v1/nothing-here", "application/json", null, new byte[0]);

        // THEN 404 with a reason
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new ObjectMapper().readTree(response.body()).get("reason").asText()).isEqualTo("not_found");
    }
}
