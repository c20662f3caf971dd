package org.roadpulse.ingest.testing;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A test's own database: its URL for a service under test, a pool for the test itself, and query shortcuts. */
public record TestDatabase(String jdbcUrl, String username, HikariDataSource dataSource) implements AutoCloseable {

    /** Properties that point a Micronaut context at this database and keep other embedded parts out of the way. */
    public Map<String, Object> serviceProperties(java.nio.file.Path dataDir) {
        Map<String, Object> properties = new HashMap<>(TestServices.quietProperties(dataDir));
        properties.put("roadpulse.database.url", jdbcUrl);
        properties.put("roadpulse.database.username", username);
        properties.put("roadpulse.database.password", "");
        return properties;
    }

    /** {@link #serviceProperties} as a Micronaut {@code TestPropertyProvider} wants them, in a new temp folder. */
    public Map<String, String> servicePropertiesInTempFolder() {
        try {
            Map<String, String> strings = new HashMap<>();
            serviceProperties(java.nio.file.Files.createTempDirectory("roadpulse-test-service"))
                    .forEach((key, value) -> strings.put(key, String.valueOf(value)));
            return strings;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The single number a query returns (a count, a max). */
    public long number(String sql, Object... parameters) {
        List<List<Object>> rows = rows(sql, parameters);
        Object value = rows.get(0).get(0);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public Object value(String sql, Object... parameters) {
        return rows(sql, parameters).get(0).get(0);
    }

    public List<List<Object>> rows(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            if (!statement.execute()) {
                return rows;
            }
            try (ResultSet result = statement.getResultSet()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public void execute(String sql, Object... parameters) {
        rows(sql, parameters);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
