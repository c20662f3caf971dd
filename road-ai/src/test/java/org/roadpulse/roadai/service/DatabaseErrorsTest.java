package org.roadpulse.roadai.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A database outage is a 503 the caller may retry; a statement the database refuses is our bug: a logged 500. */
@Tag("slow")
class DatabaseErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aStoppedDatabaseIsAnswered503WithRetryAfter() throws IOException {
        // GIVEN the service running on a PostgreSQL of its own
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory(dataDir, "pg")).setCleanDataDirectory(true).start();
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        boolean stopped = false;
        try (RunningService service = RunningService.start(dataDir, url, false)) {
            assertThat(service.get("/api/v1/municipalities").statusCode()).isEqualTo(200);
            // WHEN the database goes away
            postgres.close();
            stopped = true;
            HttpResponse<String> answer = service.get("/api/v1/municipalities");
            // THEN the caller is told to come back, not that we broke
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("10");
            JsonNode error = JSON.readTree(answer.body());
            assertThat(error.path("reason").asText()).isEqualTo("service.unavailable");
            assertThat(error.path("message").asText()).contains("cannot be reached");
        } finally {
            if (!stopped) {
                postgres.close();
            }
        }
    }

    @Test
    void aStatementTheDatabaseRefusesIsAnswered500AndLoggedWithItsStack() throws IOException, SQLException {
        // GIVEN a database that refuses every new road segment, as a bug in a statement would be refused
        String url = TestPostgres.freshDatabase();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger errors = (Logger) LoggerFactory.getLogger("org.roadpulse.roadai.service.http.ServiceErrors");
        errors.addAppender(log);
        log.start();
        try (RunningService service = RunningService.start(dataDir, url, false)) {
            try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE road_segment ADD CONSTRAINT refuse_all CHECK (false) NOT VALID");
            }
            // WHEN roads are imported
            HttpResponse<String> answer = service.postJson("/api/v1/municipalities/" + RunningService.THOLEY
                    + "/roads", RunningService.THOLEY_ROAD, "anna");
            // THEN it is a 500 without the database's words, and the log has the cause with its stack
            assertThat(answer.statusCode()).isEqualTo(500);
            JsonNode error = JSON.readTree(answer.body());
            assertThat(error.path("reason").asText()).isEqualTo("internal.error");
            assertThat(error.path("message").asText()).doesNotContain("refuse_all");
            assertThat(log.list).anySatisfy(event -> {
                assertThat(event.getLevel().toString()).isEqualTo("ERROR");
                assertThat(event.getThrowableProxy()).isNotNull();
                assertThat(event.getThrowableProxy().getCause().getMessage()).contains("refuse_all");
            });
        } finally {
            errors.detachAppender(log);
        }
    }
}
