package org.roadpulse.ingest.storage;

import org.roadpulse.protocol.VehicleClass;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recomputes {@code count_hourly} rows from {@code count_record} for given device hours, in one statement. The
 * measured time of an hour counts each message once per direction, however many lanes it has; histograms are summed
 * bin by bin when all of the hour's lanes use one bin width.
 */
final class HourlyRollup {

    private static final String CLASS_COLUMNS = Arrays.stream(VehicleClass.values())
            .map(CountRecordRows::column).collect(Collectors.joining(", "));
    private static final String CLASS_SUMS = Arrays.stream(VehicleClass.values())
            .map(CountRecordRows::column).map(c -> "sum(" + c + ") AS " + c).collect(Collectors.joining(", "));
    private static final String CLASS_UPDATES = Arrays.stream(VehicleClass.values())
            .map(CountRecordRows::column).map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));

    private static final String RECOMPUTE = """
            WITH dirty AS (
                SELECT DISTINCT device, to_timestamp(hour_s) AS hour
                FROM unnest(?::text[], ?::bigint[]) AS d(device, hour_s)
            ), lanes AS (
                -- LATERAL with OFFSET 0 (which keeps the planner from flattening it): one index probe per dirty hour.
                -- A plain join let it merge on the device alone and compare every hour with every row of the
                -- device: quadratic in its history (19 s instead of 0.3 s for a year of one device).
                SELECT d.device, d.hour, r.direction, r.length_s, r.total, r.heavy, r.mean_speed,
                       r.speed_bin_kmh, r.speed_hist, %1$s,
                       row_number() OVER (PARTITION BY d.device, r.seq, r.direction) AS nth
                FROM dirty d
                CROSS JOIN LATERAL (
                    SELECT * FROM count_record
                    WHERE device_id = d.device
                      AND interval_start >= d.hour AND interval_start < d.hour + interval '1 hour'
                    OFFSET 0) r
            ), bins AS (
                SELECT device, hour, direction, array_agg(vehicles ORDER BY bin) AS hist
                FROM (SELECT device, hour, direction, bin, sum(v) AS vehicles
                      FROM lanes, unnest(speed_hist) WITH ORDINALITY AS h(v, bin)
                      GROUP BY device, hour, direction, bin) per_bin
                GROUP BY device, hour, direction
            ), sums AS (
                SELECT device, hour, direction,
                       sum(length_s) FILTER (WHERE nth = 1) AS measured_s, %2$s,
                       sum(total) AS total, sum(heavy) AS heavy,
                       sum(mean_speed * total) FILTER (WHERE mean_speed IS NOT NULL) AS speed_sum,
                       sum(total) FILTER (WHERE mean_speed IS NOT NULL) AS speed_n,
                       CASE WHEN min(speed_bin_kmh) = max(speed_bin_kmh) THEN min(speed_bin_kmh) END AS bin_kmh
                FROM lanes
                GROUP BY device, hour, direction
            )
            INSERT INTO count_hourly (device_id, hour, direction, measured_s, %1$s, total, heavy, speed_sum, speed_n,
                                      speed_bin_kmh, speed_hist)
            SELECT s.device, s.hour, s.direction, s.measured_s, %1$s, s.total, s.heavy, s.speed_sum, s.speed_n,
                   s.bin_kmh, CASE WHEN s.bin_kmh IS NOT NULL THEN b.hist END
            FROM sums s LEFT JOIN bins b USING (device, hour, direction)
            ON CONFLICT (device_id, hour, direction) DO UPDATE
                SET measured_s = excluded.measured_s, %3$s, total = excluded.total, heavy = excluded.heavy,
                    speed_sum = excluded.speed_sum, speed_n = excluded.speed_n,
                    speed_bin_kmh = excluded.speed_bin_kmh, speed_hist = excluded.speed_hist"""
            .formatted(CLASS_COLUMNS, CLASS_SUMS, CLASS_UPDATES);

    private HourlyRollup() {
    }

    static void recompute(Connection connection, Set<Rollups.DeviceHour> hours) throws SQLException {
        String[] devices = hours.stream().map(Rollups.DeviceHour::device).toArray(String[]::new);
        Long[] starts = hours.stream().map(h -> h.start().getEpochSecond()).toArray(Long[]::new);
        try (PreparedStatement statement = connection.prepareStatement(RECOMPUTE)) {
            statement.setArray(1, connection.createArrayOf("text", devices));
            statement.setArray(2, connection.createArrayOf("int8", starts));
            statement.executeUpdate();
        }
    }
}
