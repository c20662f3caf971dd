package org.roadpulse.protocol;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** The limits of contract v1 (firmware-specs/v1/SPEC.md, "Limits"). */
public final class Limits {

    /** Larger payloads are refused before parsing. */
    public static final int MAX_PAYLOAD_BYTES = 16 * 1024;
    public static final int MAX_LANES = 16;
    public static final int MAX_LANE_NUMBER = 8;
    /**
     * Lane number of an entry that holds all lanes of its direction together, for devices that cannot tell lanes
     * apart (or hourly station data such as BASt's). Not to be combined with single lanes of the same direction.
     */
    public static final int WHOLE_DIRECTION = 0;
    public static final Set<Integer> INTERVAL_LENGTHS_SECONDS = Set.of(60, 300, 600, 900, 1800, 3600);
    /** How far a device clock may run ahead: an interval must have ended before now + this. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** Nothing older is accepted: it is a device with an unset clock, not history. */
    public static final Instant EARLIEST_START = Instant.parse("2000-01-01T00:00:00Z");
    public static final double MAX_SPEED_KMH = 300.0;
    public static final int MAX_HISTOGRAM_BINS = 64;
    public static final int MAX_HISTOGRAM_BIN_WIDTH_KMH = 50;
    /** Largest seq, so that JSON numbers stay exact in every client (2^53 - 1). */
    public static final long MAX_SEQ = 9_007_199_254_740_991L;
    public static final int MAX_FIRMWARE_LENGTH = 32;
    /** A status's {@code sensor.reason}: a short text for people, not a log. */
    public static final int MAX_SENSOR_REASON_LENGTH = 200;
    public static final String DEVICE_ID_PATTERN = "[a-z0-9][a-z0-9-]{2,63}";
    /** Heartbeat period a configuration may set. */
    public static final int MIN_STATUS_PERIOD_SECONDS = 5;
    public static final int MAX_STATUS_PERIOD_SECONDS = 3600;

    private Limits() {
    }
}
