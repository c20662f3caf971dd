package org.roadpulse.protocol;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One count interval of one device: the unit a device sends, the service stores once, and both sides acknowledge.
 *
 * <p>{@code (deviceId, seq)} identifies the message: {@code seq} rises by one per interval and survives reboots,
 * so a replay is recognised and stored nothing twice.
 */
public record CountInterval(
        String deviceId,
        long seq,
        Instant start,
        int lengthSeconds,
        String firmware,
        ClassScheme scheme,
        List<LaneInterval> lanes) {

    public CountInterval {
        lanes = List.copyOf(lanes);
    }

    public Instant end() {
        return start.plusSeconds(lengthSeconds);
    }

    public Duration length() {
        return Duration.ofSeconds(lengthSeconds);
    }

    public int total() {
        return lanes.stream().mapToInt(LaneInterval::total).sum();
    }
}
