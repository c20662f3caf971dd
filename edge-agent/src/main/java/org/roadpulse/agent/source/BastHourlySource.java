package org.roadpulse.agent.source;

import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.LaneInterval;
import org.roadpulse.protocol.Limits;
import org.roadpulse.protocol.VehicleClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hourly counts of a BASt permanent counting station (one {@code ;}-separated row per hour), as ready 3600-s
 * intervals in the 8+1 scheme. It does not wait: wrap it in a {@link PacedIntervalSource} to replay it in time.
 *
 * <ul>
 *   <li><b>Classes</b> (BASt → TLS 8+1): Mot → Krad, Pkw, Lfw, PmA → PkwA, LoA → Lkw, Lzg − Sat → LkwA,
 *       Sat → SattelKfz, Bus, Son → nkKfz ({@code Lzg} includes the articulated trucks {@code Sat}).</li>
 *   <li><b>Lanes</b>: BASt counts per direction of the carriageway, so direction 1 ({@code _R1}) becomes lane 0
 *       forward and direction 2 ({@code _R2}) lane 0 backward: lane 0 is the contract's "all lanes of the direction
 *       together". Splitting it over lanes would invent a distribution BASt did not measure.</li>
 *   <li><b>Time</b>: {@code Datum} YYMMDD and {@code Stunde} 01–24 = the hour <em>ending</em> then, local time
 *       Europe/Berlin: hour 01 is 00:00–01:00. On the spring DST day the row for 02:00–03:00 describes an hour that
 *       did not happen (BASt fills it with flagged zeros): it is skipped, not sent as a zero. On the autumn DST day
 *       the one row for 02:00–03:00 is taken as the first of the two such hours (summer time); the second has no
 *       data and is not reported — a missing interval is not a zero.</li>
 *   <li>Quality flags ({@code K_...}: {@code s}, {@code z}) mark substituted or implausible values; the values are
 *       BASt's published figures and are sent as they are.</li>
 * </ul>
 */
public final class BastHourlySource implements IntervalSource {

    public static final ZoneId LOCAL_TIME = ZoneId.of("Europe/Berlin");
    public static final int HOUR_SECONDS = 3600;

    private static final Logger LOG = LoggerFactory.getLogger(BastHourlySource.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final int WARNINGS = 5;

    private final Path file;
    private final boolean quiet;
    private final BufferedReader reader;
    private final Map<String, Integer> columns = new HashMap<>();
    private long lineNumber;
    private long malformedRows;
    private long skippedHours;

    public BastHourlySource(Path file) throws IOException {
        this(file, false);
    }

    private BastHourlySource(Path file, boolean quiet) throws IOException {
        this.file = file;
        this.quiet = quiet;
        this.reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
        String header = reader.readLine();
        lineNumber = 1;
        if (header == null) {
            throw new IOException(file + " is empty: expected a BASt header line");
        }
        String[] names = header.split(";");
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].trim(), i);
        }
        for (String required : List.of("Datum", "Stunde", "Pkw_R1", "Sat_R2", "Son_R2")) {
            if (!columns.containsKey(required)) {
                throw new IOException(file + " is not a BASt hourly file: column " + required + " is missing");
            }
        }
    }

    @Override
    public Optional<MeasuredInterval> next() throws IOException {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(";");
            try {
                Optional<MeasuredInterval> interval = interval(fields);
                if (interval.isPresent()) {
                    return interval;
                }
            } catch (RuntimeException e) {
                malformedRows++;
                if (malformedRows <= WARNINGS && !quiet) {
                    LOG.warn("{}:{}: skipping a row that does not parse: {}", file, lineNumber, e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * How many intervals the file holds, read the way {@link #next()} reads them but without logging: the total a
     * progress display counts towards.
     */
    public static long countIntervals(Path file) throws IOException {
        try (BastHourlySource source = new BastHourlySource(file, true)) {
            long count = 0;
            while (source.next().isPresent()) {
                count++;
            }
            return count;
        }
    }

    /** Rows skipped because they do not parse. */
    public long malformedRows() {
        return malformedRows;
    }

    /** Rows skipped because their hour did not exist (the spring DST gap). */
    public long skippedHours() {
        return skippedHours;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /**
     * Local start of the hour a row describes, or empty when that hour did not exist on that day.
     *
     * @param hourEnding BASt's {@code Stunde}, 1–24
     */
    public static Optional<ZonedDateTime> hourStart(LocalDate date, int hourEnding) {
        if (hourEnding < 1 || hourEnding > 24) {
            throw new IllegalArgumentException("Stunde must be 01 to 24, not " + hourEnding);
        }
        LocalDateTime local = date.atTime(hourEnding - 1, 0);
        if (LOCAL_TIME.getRules().getValidOffsets(local).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ZonedDateTime.ofLocal(local, LOCAL_TIME, null));
    }

    private Optional<MeasuredInterval> interval(String[] fields) {
        LocalDate date;
        try {
            date = LocalDate.parse(field(fields, "Datum"), DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Datum is not YYMMDD: " + field(fields, "Datum"));
        }
        int hour = Integer.parseInt(field(fields, "Stunde"));
        Optional<ZonedDateTime> start = hourStart(date, hour);
        if (start.isEmpty()) {
            skippedHours++;
            if (!quiet) {
                LOG.info("{}:{}: {} hour {} did not exist (DST gap); skipped", file, lineNumber, date, hour);
            }
            return Optional.empty();
        }
        List<LaneInterval> lanes = List.of(
                direction(fields, "_R1", Direction.FORWARD),
                direction(fields, "_R2", Direction.BACKWARD));
        return Optional.of(new MeasuredInterval(start.get().toInstant(), HOUR_SECONDS, ClassScheme.TLS_8_1, lanes));
    }

    private LaneInterval direction(String[] fields, String suffix, Direction direction) {
        Map<VehicleClass, Integer> counts = new EnumMap<>(VehicleClass.class);
        counts.put(VehicleClass.KRAD, count(fields, "Mot" + suffix));
        counts.put(VehicleClass.PKW, count(fields, "Pkw" + suffix));
        counts.put(VehicleClass.LFW, count(fields, "Lfw" + suffix));
        counts.put(VehicleClass.PKW_A, count(fields, "PmA" + suffix));
        counts.put(VehicleClass.LKW, count(fields, "LoA" + suffix));
        int trucksWithTrailer = count(fields, "Lzg" + suffix);
        int articulated = count(fields, "Sat" + suffix);
        if (articulated > trucksWithTrailer) {
            throw new IllegalArgumentException("Sat" + suffix + " (" + articulated + ") exceeds Lzg" + suffix
                    + " (" + trucksWithTrailer + "), of which it is a part");
        }
        counts.put(VehicleClass.LKW_A, trucksWithTrailer - articulated);
        counts.put(VehicleClass.SATTEL_KFZ, articulated);
        counts.put(VehicleClass.BUS, count(fields, "Bus" + suffix));
        counts.put(VehicleClass.NK_KFZ, count(fields, "Son" + suffix));
        return new LaneInterval(Limits.WHOLE_DIRECTION, direction, counts, null, null, null, null);
    }

    private int count(String[] fields, String column) {
        int value = Integer.parseInt(field(fields, column));
        if (value < 0) {
            throw new IllegalArgumentException(column + " is negative: " + value);
        }
        return value;
    }

    private String field(String[] fields, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalArgumentException("column " + column + " is missing");
        }
        if (index >= fields.length) {
            throw new IllegalArgumentException("the row ends before column " + column);
        }
        return fields[index].trim();
    }
}
