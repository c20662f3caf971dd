package org.roadpulse.ingest.storage;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import org.roadpulse.platform.postgres.PgServer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code database} part of {@code /health}: can a connection be had and used, and how far behind is the writer. */
@Singleton
final class PgHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final DataSource dataSource;
    private final PgServer server;
    private final BatchWriter writer;

    PgHealthIndicator(DataSource dataSource, PgServer server, BatchWriter writer) {
        this.dataSource = dataSource;
        this.server = server;
        this.writer = writer;
    }

    @Override
    protected String getName() {
        return "database";
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("embedded", server.embedded());
        details.put("writerQueueDepth", writer.queueDepth());
        try (Connection connection = dataSource.getConnection()) {
            healthStatus = connection.isValid(2) ? HealthStatus.UP : HealthStatus.DOWN;
        } catch (SQLException e) {
            healthStatus = HealthStatus.DOWN;
            details.put("error", e.getMessage());
        }
        return details;
    }
}
