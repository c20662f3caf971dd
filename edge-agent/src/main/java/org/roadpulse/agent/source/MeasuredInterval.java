package org.roadpulse.agent.source;

import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.LaneInterval;

import java.time.Instant;
import java.util.List;

/**
 * A complete interval as measured, before it becomes a message: it has no device id and no seq yet, because the
 * outbox assigns the seq when it stores the interval.
 */
public record MeasuredInterval(Instant start, int lengthSeconds, ClassScheme scheme, List<LaneInterval> lanes) {

    public MeasuredInterval {
        lanes = List.copyOf(lanes);
    }

    public Instant end() {
        return start.plusSeconds(lengthSeconds);
    }

    public int total() {
        return lanes.stream().mapToInt(LaneInterval::total).sum();
    }

    /** The message of this interval for one device and seq. */
    public CountInterval toCountInterval(String deviceId, long seq, String firmware) {
        return new CountInterval(deviceId, seq, start, lengthSeconds, firmware, scheme, lanes);
    }
}
