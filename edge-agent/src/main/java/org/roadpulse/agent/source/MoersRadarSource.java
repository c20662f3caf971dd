package org.roadpulse.agent.source;

import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.VehicleClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-vehicle records of the City of Moers side-fire radar ("Impactor"), one line per vehicle:
 * {@code DD.MM.YY HH:MM:SS;00;SSS;LL;D} — local time (Europe/Berlin), a constant, speed in km/h, vehicle length in the
 * beam in metres (coarse), and the lane flag.
 *
 * <ul>
 *   <li><b>Classes</b>: the radar knows only length, so it reports the 2+1 scheme: shorter than
 *       {@value #TRUCK_MIN_LENGTH_M} m car-like, from {@value #TRUCK_MIN_LENGTH_M} m truck-like (the device maker's
 *       minimum truck length), length 0 not classifiable. Finer TLS classes would be invented, not measured.</li>
 *   <li><b>Lanes</b>: flag 0 is the lane nearest the device, reported as lane 1 forward; flag 1 the far lane, lane 1
 *       backward (a two-lane street, one lane per direction).</li>
 *   <li><b>Double detections</b>: the device sometimes reports one vehicle on both lanes — same second, speed and
 *       length, the other lane flag. Such a repeat is dropped (the first record wins) and counted in
 *       {@link #doubleDetections()}. Two real vehicles that match in all of that are indistinguishable from it.</li>
 *   <li>A line that does not parse is skipped and counted in {@link #malformedLines()}, never fatal.</li>
 * </ul>
 */
public final class MoersRadarSource implements VehicleSource {

    public static final int TRUCK_MIN_LENGTH_M = 8;
    public static final ZoneId LOCAL_TIME = ZoneId.of("Europe/Berlin");

    private static final Logger LOG = LoggerFactory.getLogger(MoersRadarSource.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd.MM.yy HH:mm:ss");
    private static final int WARNINGS = 5;

    private final Path file;
    private final BufferedReader reader;
    private final Instant measurementStart;
    private Vehicle lookahead;
    private long lineNumber;
    private long malformedLines;
    private long doubleDetections;
    private Instant currentSecond;
    private final Map<String, Integer> laneFlagsThisSecond = new HashMap<>();

    public MoersRadarSource(Path file) throws IOException {
        this.file = file;
        this.reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
        this.lookahead = read();
        this.measurementStart = lookahead == null ? Instant.EPOCH : lookahead.time();
    }

    @Override
    public ClassScheme scheme() {
        return ClassScheme.TLS_2_1;
    }

    @Override
    public List<LanePosition> lanes() {
        return List.of(new LanePosition(1, Direction.FORWARD), new LanePosition(1, Direction.BACKWARD));
    }

    @Override
    public boolean measuresSpeed() {
        return true;
    }

    @Override
    public Instant measurementStart() {
        return measurementStart;
    }

    @Override
    public Optional<Vehicle> next() throws IOException {
        Vehicle current = lookahead;
        if (current != null) {
            lookahead = read();
        }
        return Optional.ofNullable(current);
    }

    public long malformedLines() {
        return malformedLines;
    }

    public long doubleDetections() {
        return doubleDetections;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private Vehicle read() throws IOException {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            Record record = parse(trimmed);
            if (record == null) {
                malformedLines++;
                if (malformedLines <= WARNINGS) {
                    LOG.warn("{}:{}: skipping a line that is not a radar record: '{}'", file, lineNumber, trimmed);
                }
                continue;
            }
            if (isDoubleDetection(record)) {
                doubleDetections++;
                continue;
            }
            return record.toVehicle();
        }
        return null;
    }

    /** Remembers the (speed, length) keys seen in the current second per lane flag, to spot the other-lane echo. */
    private boolean isDoubleDetection(Record record) {
        if (!record.time.equals(currentSecond)) {
            currentSecond = record.time;
            laneFlagsThisSecond.clear();
        }
        String key = record.speedKmh + "/" + record.lengthM;
        Integer flag = laneFlagsThisSecond.get(key);
        if (flag != null && flag != record.laneFlag) {
            laneFlagsThisSecond.remove(key);
            return true;
        }
        laneFlagsThisSecond.put(key, record.laneFlag);
        return false;
    }

    private static Record parse(String line) {
        String[] fields = line.split(";");
        if (fields.length < 5) {
            return null;
        }
        try {
            Instant time = LocalDateTime.parse(fields[0].trim(), TIMESTAMP).atZone(LOCAL_TIME).toInstant();
            int speed = Integer.parseInt(fields[2].trim());
            int length = Integer.parseInt(fields[3].trim());
            int laneFlag = Integer.parseInt(fields[4].trim());
            if (speed < 0 || length < 0 || (laneFlag != 0 && laneFlag != 1)) {
                return null;
            }
            return new Record(time, speed, length, laneFlag);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private record Record(Instant time, int speedKmh, int lengthM, int laneFlag) {

        Vehicle toVehicle() {
            VehicleClass vehicleClass = lengthM == 0 ? VehicleClass.NK_KFZ
                    : lengthM < TRUCK_MIN_LENGTH_M ? VehicleClass.PKW_AEHNLICH : VehicleClass.LKW_AEHNLICH;
            Direction direction = laneFlag == 0 ? Direction.FORWARD : Direction.BACKWARD;
            return new Vehicle(time, 1, direction, vehicleClass, (double) speedKmh);
        }
    }
}
