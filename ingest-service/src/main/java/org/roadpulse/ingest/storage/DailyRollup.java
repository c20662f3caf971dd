package org.roadpulse.ingest.storage;

import org.roadpulse.protocol.VehicleClass;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Recomputes {@code count_daily} rows for given device days from their {@code count_hourly} rows. Done in Java
 * because a local day's hours (23 to 25 of them) and their positions in the day's hour arrays are plain arithmetic
 * here and awkward in SQL.
 */
final class DailyRollup {

    private static final VehicleClass[] CLASSES = VehicleClass.values();
    /** RLS-19's day is 06:00 to 22:00 local time. */
    private static final int DAY_STARTS = 6;
    private static final int NIGHT_STARTS = 22;
    private static final String CLASS_COLUMNS = Arrays.stream(CLASSES)
            .map(CountRecordRows::column).collect(Collectors.joining(", "));

    private static final String HOURS_OF_DAYS = """
            WITH days AS (SELECT DISTINCT device, day FROM unnest(?::text[], ?::date[]) AS d(device, day))
            SELECT d.device, d.day, h.direction, extract(epoch FROM h.hour)::bigint, h.measured_s, %s,
                   h.total, h.heavy, h.speed_sum, h.speed_n, h.speed_bin_kmh, h.speed_hist
            FROM days d
            CROSS JOIN LATERAL ( -- one index probe per day (see HourlyRollup)
                SELECT * FROM count_hourly
                WHERE device_id = d.device
                  AND hour >= (d.day::timestamp AT TIME ZONE ?) AND hour < ((d.day + 1)::timestamp AT TIME ZONE ?)
                OFFSET 0) h
            """.formatted(CLASS_COLUMNS);

    private static final String UPSERT = """
            INSERT INTO count_daily (device_id, day, direction, measured_s, complete_hours, %s, total, heavy,
                                     day_total, day_heavy, speed_sum, speed_n, speed_bin_kmh, speed_hist,
                                     hour_totals, hour_heavy, hour_measured)
            VALUES (?, ?, ?, ?, ?, %s, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (device_id, day, direction) DO UPDATE
                SET measured_s = excluded.measured_s, complete_hours = excluded.complete_hours, %s,
                    total = excluded.total, heavy = excluded.heavy,
                    day_total = excluded.day_total, day_heavy = excluded.day_heavy,
                    speed_sum = excluded.speed_sum, speed_n = excluded.speed_n,
                    speed_bin_kmh = excluded.speed_bin_kmh, speed_hist = excluded.speed_hist,
                    hour_totals = excluded.hour_totals, hour_heavy = excluded.hour_heavy,
                    hour_measured = excluded.hour_measured""".formatted(CLASS_COLUMNS,
            Arrays.stream(CLASSES).map(c -> "?").collect(Collectors.joining(", ")),
            Arrays.stream(CLASSES).map(CountRecordRows::column).map(c -> c + " = excluded." + c)
                    .collect(Collectors.joining(", ")));

    private DailyRollup() {
    }

    static void recompute(Connection connection, List<Rollups.DeviceDay> days, ZoneId zone) throws SQLException {
        Map<String, Day> rows = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(HOURS_OF_DAYS)) {
            statement.setArray(1, connection.createArrayOf("text",
                    days.stream().map(Rollups.DeviceDay::device).toArray()));
            statement.setArray(2, connection.createArrayOf("date",
                    days.stream().map(d -> Date.valueOf(d.day())).toArray()));
            statement.setString(3, zone.getId());
            statement.setString(4, zone.getId());
            try (ResultSet hours = statement.executeQuery()) {
                while (hours.next()) {
                    String device = hours.getString(1);
                    LocalDate day = hours.getDate(2).toLocalDate();
                    String direction = hours.getString(3);
                    rows.computeIfAbsent(device + '\u0000' + day + '\u0000' + direction,
                            k -> new Day(device, day, direction, zone)).add(hours);
                }
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (Day day : rows.values()) {
                day.bind(connection, upsert);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** One device's direction on one local day, summed from its hours. */
    private static final class Day {
        final String device;
        final LocalDate day;
        final String direction;
        final long dayStart;
        final ZoneId zone;
        long measured;
        int completeHours;
        long dayTotal;
        long dayHeavy;
        final Long[] classes = new Long[CLASSES.length];
        long total;
        long heavy;
        Double speedSum;
        Long speedCount;
        Integer binKmh;
        boolean binsDiffer;
        long[] histogram;
        final Integer[] hourTotals;
        final Integer[] hourHeavy;
        final Integer[] hourMeasured;

        Day(String device, LocalDate day, String direction, ZoneId zone) {
            this.device = device;
            this.day = day;
            this.direction = direction;
            this.zone = zone;
            Instant start = day.atStartOfDay(zone).toInstant();
            this.dayStart = start.getEpochSecond();
            int hours = (int) Duration.between(start, day.plusDays(1).atStartOfDay(zone).toInstant()).toHours();
            hourTotals = zeros(hours);
            hourHeavy = zeros(hours);
            hourMeasured = zeros(hours);
        }

        void add(ResultSet row) throws SQLException {
            int index = (int) ((row.getLong(4) - dayStart) / 3600);
            int measuredSeconds = row.getInt(5);
            measured += measuredSeconds;
            for (int c = 0; c < CLASSES.length; c++) {
                long vehicles = row.getLong(6 + c);
                if (!row.wasNull()) {
                    classes[c] = (classes[c] == null ? 0 : classes[c]) + vehicles;
                }
            }
            int next = 6 + CLASSES.length;
            long hourTotal = row.getLong(next);
            long hourHeavyVehicles = row.getLong(next + 1);
            total += hourTotal;
            heavy += hourHeavyVehicles;
            hourTotals[index] = (int) hourTotal;
            hourHeavy[index] = (int) hourHeavyVehicles;
            hourMeasured[index] = measuredSeconds;
            if (measuredSeconds >= 3600) {
                completeHours++;
            }
            int localHour = Instant.ofEpochSecond(row.getLong(4)).atZone(zone).getHour();
            if (localHour >= DAY_STARTS && localHour < NIGHT_STARTS) {
                dayTotal += hourTotal;
                dayHeavy += hourHeavyVehicles;
            }
            double sum = row.getDouble(next + 2);
            if (!row.wasNull()) {
                speedSum = (speedSum == null ? 0 : speedSum) + sum;
                speedCount = (speedCount == null ? 0 : speedCount) + row.getLong(next + 3);
            }
            int bin = row.getInt(next + 4);
            Array hist = row.getArray(next + 5);
            if (!row.wasNull() && hist != null) {
                addHistogram(bin, (Long[]) hist.getArray());
            }
        }

        private void addHistogram(int bin, Long[] counts) {
            if (binsDiffer) {
                return;
            }
            if (binKmh != null && binKmh != bin) {
                binsDiffer = true;
                histogram = null;
                return;
            }
            binKmh = bin;
            if (histogram == null || histogram.length < counts.length) {
                histogram = histogram == null ? new long[counts.length] : Arrays.copyOf(histogram, counts.length);
            }
            for (int i = 0; i < counts.length; i++) {
                histogram[i] += counts[i] == null ? 0 : counts[i];
            }
        }

        void bind(Connection connection, PreparedStatement upsert) throws SQLException {
            int p = 1;
            upsert.setString(p++, device);
            upsert.setDate(p++, Date.valueOf(day));
            upsert.setString(p++, direction);
            upsert.setLong(p++, measured);
            upsert.setInt(p++, completeHours);
            for (Long vehicles : classes) {
                upsert.setObject(p++, vehicles, Types.BIGINT);
            }
            upsert.setLong(p++, total);
            upsert.setLong(p++, heavy);
            upsert.setLong(p++, dayTotal);
            upsert.setLong(p++, dayHeavy);
            upsert.setObject(p++, speedSum, Types.DOUBLE);
            upsert.setObject(p++, speedCount, Types.BIGINT);
            boolean withHistogram = histogram != null && !binsDiffer;
            upsert.setObject(p++, withHistogram ? binKmh : null, Types.SMALLINT);
            upsert.setArray(p++, withHistogram
                    ? connection.createArrayOf("int8", Arrays.stream(histogram).boxed().toArray()) : null);
            upsert.setArray(p++, connection.createArrayOf("int4", hourTotals));
            upsert.setArray(p++, connection.createArrayOf("int4", hourHeavy));
            upsert.setArray(p, connection.createArrayOf("int4", hourMeasured));
        }

        private static Integer[] zeros(int length) {
            Integer[] zeros = new Integer[length];
            Arrays.fill(zeros, 0);
            return zeros;
        }
    }
}
