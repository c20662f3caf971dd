package org.roadpulse.ingest.devices;

import org.roadpulse.ingest.access.Visibility;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the device list with each device's liveness and stored counts (kept by the writer in device_activity). */
@Singleton
public final class PgDeviceOverviews {

    private static final String QUERY = """
            SELECT d.id, d.municipality, d.name, d.enabled, d.secret_set_at, d.revoked_at,
                   greatest(d.last_seen_at, a.last_stored_at) AS last_seen,
                   d.last_status ->> 'state' AS state, d.last_status ->> 'fw' AS firmware,
                   (d.last_status ->> 'outbox')::bigint AS outbox,
                   d.last_status #>> '{sensor,state}' AS sensor_state,
                   (d.last_status #>> '{sensor,since}')::timestamptz AS sensor_since,
                   d.last_status #>> '{sensor,reason}' AS sensor_reason,
                   coalesce(a.stored_intervals, 0) AS stored_intervals, a.last_interval_start
            FROM device d LEFT JOIN device_activity a ON a.device_id = d.id
            WHERE (? OR d.municipality = ANY (?::char(8)[]))
            ORDER BY d.municipality, d.id""";

    private final DataSource dataSource;

    public PgDeviceOverviews(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The devices of the municipalities in {@code visibility}. */
    public List<DeviceOverview> all(Visibility visibility) {
        List<DeviceOverview> overviews = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setBoolean(1, visibility.all());
            statement.setArray(2, connection.createArrayOf("text", visibility.asArray()));
            try (ResultSet rows = statement.executeQuery()) {
                readAll(rows, overviews);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("device list unavailable: " + e.getMessage(), e);
        }
        return overviews;
    }

    private static void readAll(ResultSet rows, List<DeviceOverview> overviews) throws SQLException {
        {
            while (rows.next()) {
                long outboxValue = rows.getLong("outbox");
                Long outbox = rows.wasNull() ? null : outboxValue;
                overviews.add(new DeviceOverview(rows.getString("id"), rows.getString("municipality"),
                        rows.getString("name"), rows.getBoolean("enabled"), instant(rows, "last_seen"),
                        rows.getString("state"), rows.getString("firmware"), outbox, sensor(rows),
                        rows.getLong("stored_intervals"), instant(rows, "last_interval_start"),
                        instant(rows, "secret_set_at"), instant(rows, "revoked_at")));
            }
        }
    }

    private static DeviceOverview.Sensor sensor(ResultSet rows) throws SQLException {
        String state = rows.getString("sensor_state");
        return state == null ? null
                : new DeviceOverview.Sensor(state, instant(rows, "sensor_since"), rows.getString("sensor_reason"));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp timestamp = rows.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
