package org.roadpulse.agent.support;

import org.roadpulse.agent.source.IntervalSource;
import org.roadpulse.agent.source.MeasuredInterval;
import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.LaneInterval;
import org.roadpulse.protocol.VehicleClass;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A source of {@code count} five-minute intervals from a fixed start, each with {@code index + 1} cars, released
 * one every {@code every} (or as fast as asked); then it is exhausted.
 */
public final class FixedIntervals implements IntervalSource {

    public static final Instant START = Instant.parse("2024-05-06T08:00:00Z");

    private final int count;
    private final Duration every;
    private final AtomicInteger released = new AtomicInteger();

    public FixedIntervals(int count, Duration every) {
        this.count = count;
        this.every = every;
    }

    public static MeasuredInterval interval(int index) {
        LaneInterval lane = new LaneInterval(1, Direction.FORWARD, Map.of(VehicleClass.PKW, index + 1),
                50.0, 55.0, null, null);
        return new MeasuredInterval(START.plusSeconds(300L * index), 300, ClassScheme.TLS_8_1, java.util.List.of(lane));
    }

    @Override
    public Optional<MeasuredInterval> next() throws InterruptedException {
        int index = released.getAndIncrement();
        if (index >= count) {
            return Optional.empty();
        }
        if (!every.isZero()) {
            Thread.sleep(every.toMillis());
        }
        return Optional.of(interval(index));
    }
}
