package org.roadpulse.roadai.service.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.roadpulse.platform.postgres.PgServer;

/** The {@code database} part of {@code /health}: can a connection be had and used. */
@Singleton
final class PgHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final HikariDataSource dataSource;
    private final PgServer server;

    PgHealthIndicator(HikariDataSource dataSource, PgServer server) {
        this.dataSource = dataSource;
        this.server = server;
    }

    @Override
    protected String getName() {
        return "database";
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("embedded", server.embedded());
        try (Connection connection = dataSource.getConnection()) {
            healthStatus = connection.isValid(2) ? HealthStatus.UP : HealthStatus.DOWN;
        } catch (SQLException e) {
            healthStatus = HealthStatus.DOWN;
            details.put("error", e.getMessage());
        }
        return details;
    }
}
