package org.roadpulse.ingest.storage;

import org.roadpulse.ingest.flow.Bucket;
import org.roadpulse.ingest.flow.CountSums;
import org.roadpulse.ingest.flow.DayRow;
import org.roadpulse.ingest.flow.FigureDetail;
import org.roadpulse.ingest.flow.FlowHistory;
import org.roadpulse.ingest.flow.FlowQuery;
import org.roadpulse.ingest.flow.Period;
import org.roadpulse.ingest.flow.Split;
import org.roadpulse.ingest.flow.StandardFigures;
import org.roadpulse.ingest.flow.StreamRow;
import org.roadpulse.ingest.flow.VolumeSeries;
import org.roadpulse.ingest.flow.FigureCalculator;
import org.roadpulse.ingest.flow.FlowUnavailableException;
import org.roadpulse.ingest.flow.LocalDays;
import org.roadpulse.ingest.flow.SeriesAssembler;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.VehicleClass;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads planners' answers from PostgreSQL: hour buckets from {@code count_hourly}, day and longer ones from
 * {@code count_daily}, 15-minute ones from the raw {@code count_record}; figures from {@code count_daily}'s day rows
 * with their hour arrays. The arithmetic (completeness, figures) is plain Java in the flow package. Devices are
 * matched with {@code IN (SELECT unnest(?))}, which the planner hashes, rather than {@code = ANY (?)}, which compares
 * every row with every device of a long list. Days travel as day numbers: a year of 200 sites is 146,000 rows, and
 * decoding them is most of such a query's time.
 */
public final class PgFlowHistory implements FlowHistory {

    private static final VehicleClass[] CLASSES = VehicleClass.values();
    private static final long QUARTER_HOUR_SECONDS = 900;
    private static final String CLASS_COLUMNS = java.util.Arrays.stream(CLASSES)
            .map(CountRecordRows::column).collect(Collectors.joining(", "));

    private static final String HOURLY = """
            SELECT extract(epoch FROM hour)::bigint, device_id, direction, measured_s, %s, total, heavy,
                   speed_sum, speed_n, speed_bin_kmh, speed_hist
            FROM count_hourly
            WHERE device_id IN (SELECT unnest(?::text[])) AND hour >= ? AND hour < ?""".formatted(CLASS_COLUMNS);
    private static final String DAILY = """
            SELECT day - DATE '1970-01-01', device_id, direction, measured_s, %s, total, heavy,
                   speed_sum, speed_n, speed_bin_kmh, speed_hist
            FROM count_daily
            WHERE device_id IN (SELECT unnest(?::text[])) AND day >= ? AND day < ?""".formatted(CLASS_COLUMNS);
    /** Figures need no classes; the hour arrays only for the MSV and peak hour. */
    private static final String FIGURE_DAYS = """
            SELECT day - DATE '1970-01-01', device_id, direction, measured_s, total, heavy, speed_sum, speed_n,
                   speed_bin_kmh, speed_hist,
                   complete_hours, day_total, day_heavy%s
            FROM count_daily
            WHERE device_id IN (SELECT unnest(?::text[])) AND day >= ? AND day < ?""";
    private static final String FIGURE_MEANS = FIGURE_DAYS.formatted("");
    private static final String FIGURE_HOURS = FIGURE_DAYS.formatted(", hour_totals, hour_heavy, hour_measured");
    /** One row per lane: measured time is taken once per message and direction, below. */
    private static final String RAW = """
            SELECT extract(epoch FROM interval_start)::bigint, device_id, direction, seq, length_s, %s, total, heavy,
                   mean_speed, speed_bin_kmh, speed_hist
            FROM count_record
            WHERE device_id IN (SELECT unnest(?::text[])) AND interval_start >= ? AND interval_start < ?""".formatted(CLASS_COLUMNS);

    private final DataSource dataSource;

    public PgFlowHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<VolumeSeries> volumes(FlowQuery query) {
        Map<String, Map<Instant, Map<String, StreamRow>>> byDevice = switch (query.bucket()) {
            case QUARTER_HOUR -> raw(query);
            case HOUR -> hourly(query);
            default -> daily(query);
        };
        List<VolumeSeries> series = new ArrayList<>();
        for (MeasurementSite site : query.sites()) {
            Map<Instant, List<StreamRow>> rows = new HashMap<>();
            for (String device : site.devices()) {
                byDevice.getOrDefault(device, Map.of()).forEach((bucket, streams) ->
                        rows.computeIfAbsent(bucket, b -> new ArrayList<>()).addAll(streams.values()));
            }
            series.addAll(SeriesAssembler.assemble(query, site, rows));
        }
        return series;
    }

    @Override
    public List<StandardFigures> figures(List<MeasurementSite> sites, Period period, Split split,
                                         FigureDetail detail) {
        Map<String, List<DayRow>> byDevice = new HashMap<>();
        boolean hours = detail == FigureDetail.ALL;
        LocalDays localDays = new LocalDays(period);
        query(hours ? FIGURE_HOURS : FIGURE_MEANS, devices(sites), Date.valueOf(period.firstDay()),
                Date.valueOf(period.endDay()), row -> {
                    DayRow day = dayRow(row, localDays, hours);
                    byDevice.computeIfAbsent(day.device(), d -> new ArrayList<>()).add(day);
                });
        List<StandardFigures> figures = new ArrayList<>();
        for (MeasurementSite site : sites) {
            List<DayRow> rows = new ArrayList<>();
            site.devices().forEach(device -> rows.addAll(byDevice.getOrDefault(device, List.of())));
            figures.addAll(FigureCalculator.figures(site, period, localDays, split, rows));
        }
        return figures;
    }

    /** A row of FIGURE_MEANS or FIGURE_HOURS. */
    private static DayRow dayRow(ResultSet row, LocalDays localDays, boolean hours) throws SQLException {
        LocalDate date = LocalDate.ofEpochDay(row.getInt(1));
        CountSums sums = new CountSums();
        totalsAndSpeeds(row, 5, sums);
        int next = 11; // the column after the speed histogram
        return new DayRow(row.getString(2), date, direction(row.getString(3)), localDays.hours(date), row.getLong(4),
                row.getInt(next), sums, row.getLong(next + 1), row.getLong(next + 2),
                hours ? longs(row.getArray(next + 3)) : null,
                hours ? longs(row.getArray(next + 4)) : null,
                hours ? longs(row.getArray(next + 5)) : null);
    }

    private Map<String, Map<Instant, Map<String, StreamRow>>> hourly(FlowQuery query) {
        Rows rows = new Rows();
        query(HOURLY, devices(query.sites()), Timestamp.from(query.period().from()),
                Timestamp.from(query.period().to()), row -> rows.add(Instant.ofEpochSecond(row.getLong(1)),
                        row.getString(2), direction(row.getString(3)), row.getLong(4), sums(row, 5)));
        return rows.byDevice;
    }

    private Map<String, Map<Instant, Map<String, StreamRow>>> daily(FlowQuery query) {
        Rows rows = new Rows();
        Period period = query.period();
        Bucket bucket = query.bucket();
        query(DAILY, devices(query.sites()), Date.valueOf(period.firstDay()), Date.valueOf(period.endDay()), row -> {
            LocalDate day = LocalDate.ofEpochDay(row.getInt(1));
            Instant start = bucket.floor(day.atStartOfDay(period.zone()).toInstant(), period.zone());
            rows.add(start, row.getString(2), direction(row.getString(3)), row.getLong(4), sums(row, 5));
        });
        return rows.byDevice;
    }

    private Map<String, Map<Instant, Map<String, StreamRow>>> raw(FlowQuery query) {
        Rows rows = new Rows();
        Set<String> messagesSeen = new HashSet<>();
        query(RAW, devices(query.sites()), Timestamp.from(query.period().from()),
                Timestamp.from(query.period().to()), row -> {
                    Instant start = Instant.ofEpochSecond(Math.floorDiv(row.getLong(1), QUARTER_HOUR_SECONDS)
                            * QUARTER_HOUR_SECONDS);
                    String device = row.getString(2);
                    String direction = row.getString(3);
                    // Lanes of one message share its time: count it once per direction.
                    boolean first = messagesSeen.add(device + '\u0000' + row.getLong(4) + '\u0000' + direction);
                    long measured = first ? Math.min(row.getLong(5), QUARTER_HOUR_SECONDS) : 0;
                    rows.add(start, device, direction(direction), measured, rawSums(row, 6));
                });
        return rows.byDevice;
    }

    /** Rows per device, bucket and direction, merged as they arrive (a week bucket gathers seven day rows). */
    private static final class Rows {
        final Map<String, Map<Instant, Map<String, StreamRow>>> byDevice = new HashMap<>();

        void add(Instant bucket, String device, Direction direction, long measured, CountSums sums) {
            Map<String, StreamRow> streams = byDevice.computeIfAbsent(device, d -> new HashMap<>())
                    .computeIfAbsent(bucket, b -> new LinkedHashMap<>());
            StreamRow existing = streams.get(direction.wireName());
            if (existing == null) {
                streams.put(direction.wireName(), new StreamRow(device, direction, measured, sums));
            } else {
                existing.sums().add(sums);
                streams.put(direction.wireName(), new StreamRow(device, direction,
                        existing.measuredSeconds() + measured, existing.sums()));
            }
        }
    }

    /** Class sums, totals and speeds from a rollup row whose first class column is at {@code first}. */
    private static CountSums sums(ResultSet row, int first) throws SQLException {
        CountSums sums = new CountSums();
        for (int c = 0; c < CLASSES.length; c++) {
            long vehicles = row.getLong(first + c);
            sums.addClass(CLASSES[c], row.wasNull() ? null : vehicles);
        }
        totalsAndSpeeds(row, first + CLASSES.length, sums);
        return sums;
    }

    /** Total, heavy, speed sum and count, histogram bin width and histogram, from column {@code first} on. */
    private static void totalsAndSpeeds(ResultSet row, int first, CountSums sums) throws SQLException {
        sums.addTotals(row.getLong(first), row.getLong(first + 1));
        double speedSum = row.getDouble(first + 2);
        if (!row.wasNull()) {
            sums.addSpeed(speedSum, row.getLong(first + 3));
        }
        int bin = row.getInt(first + 4);
        if (!row.wasNull()) {
            long[] histogram = longs(row.getArray(first + 5));
            if (histogram != null) {
                sums.addHistogram(bin, histogram);
            }
        }
    }

    /** The same from a raw lane row, whose speed is a mean, not a sum. */
    private static CountSums rawSums(ResultSet row, int first) throws SQLException {
        CountSums sums = new CountSums();
        for (int c = 0; c < CLASSES.length; c++) {
            long vehicles = row.getLong(first + c);
            sums.addClass(CLASSES[c], row.wasNull() ? null : vehicles);
        }
        int next = first + CLASSES.length;
        long total = row.getLong(next);
        sums.addTotals(total, row.getLong(next + 1));
        double meanSpeed = row.getDouble(next + 2);
        if (!row.wasNull()) {
            sums.addSpeed(meanSpeed * total, total);
        }
        int bin = row.getInt(next + 3);
        if (!row.wasNull()) {
            long[] histogram = longs(row.getArray(next + 4));
            if (histogram != null) {
                sums.addHistogram(bin, histogram);
            }
        }
        return sums;
    }

    private static long[] longs(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object values = array.getArray();
        Number[] numbers = (Number[]) values;
        long[] longs = new long[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            longs[i] = numbers[i] == null ? 0 : numbers[i].longValue();
        }
        return longs;
    }

    /** Called for every row: a switch, not a search of the enum's values. */
    private static Direction direction(String wireName) {
        return switch (wireName) {
            case "forward" -> Direction.FORWARD;
            case "backward" -> Direction.BACKWARD;
            default -> throw new IllegalStateException("direction '" + wireName + "' in the rollups");
        };
    }

    private static String[] devices(List<MeasurementSite> sites) {
        return sites.stream().flatMap(s -> s.devices().stream()).distinct().toArray(String[]::new);
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, String[] devices, Object from, Object to, RowReader reader) {
        if (devices.length == 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", devices));
            statement.setObject(2, from);
            statement.setObject(3, to);
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new FlowUnavailableException("flow history unavailable: " + e.getMessage(), e);
        }
    }
}
