package org.roadpulse.ingest.testing;

import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.CountIntervalCodec;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.LaneInterval;
import org.roadpulse.protocol.SpeedHistogram;
import org.roadpulse.protocol.VehicleClass;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Realistic count intervals and their payloads for tests. */
public final class TestIntervals {

    /** A fixed "now" for tests with an injectable clock. */
    public static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    private TestIntervals() {
    }

    /** A 5-minute 8+1 interval with two lanes, one per direction, starting at {@code start}. */
    public static CountInterval interval(String device, long seq, Instant start) {
        LaneInterval forward = new LaneInterval(1, Direction.FORWARD,
                Map.of(VehicleClass.PKW, 41, VehicleClass.LFW, 6, VehicleClass.LKW, 3, VehicleClass.KRAD, 1),
                48.5, 56.0, new SpeedHistogram(10, new int[]{0, 0, 2, 9, 25, 12, 3}), 0.12);
        LaneInterval backward = new LaneInterval(1, Direction.BACKWARD,
                Map.of(VehicleClass.PKW, 37, VehicleClass.SATTEL_KFZ, 2, VehicleClass.BUS, 1),
                51.0, 59.5, null, null);
        return new CountInterval(device, seq, start, 300, "1.4.2", ClassScheme.TLS_8_1, List.of(forward, backward));
    }

    /** An interval that ended between one hour and nine hours before {@code now}; a different one per seq. */
    public static CountInterval recent(String device, long seq, Instant now) {
        long anHourAgo = now.getEpochSecond() / 300 * 300 - 3600;
        return interval(device, seq, Instant.ofEpochSecond(anHourAgo - 300 * (seq % 100)));
    }

    public static byte[] json(CountInterval interval) {
        return new CountIntervalCodec().encode(interval, Encoding.JSON);
    }

    public static byte[] cbor(CountInterval interval) {
        return new CountIntervalCodec().encode(interval, Encoding.CBOR);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
