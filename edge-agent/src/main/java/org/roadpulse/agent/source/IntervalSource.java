package org.roadpulse.agent.source;

import java.io.IOException;
import java.util.Optional;

/**
 * Complete count intervals in time order: what the agent stores and sends. A source that aggregates vehicles
 * implements it with an aggregator; a source of ready counts (a BASt file) implements it directly.
 */
public interface IntervalSource extends AutoCloseable {

    /**
     * The next interval, returned once it has ended (in paced time: the caller's {@link Pacer} decides how long that
     * is on the wall clock); empty when the source is exhausted.
     */
    Optional<MeasuredInterval> next() throws IOException, InterruptedException;

    /**
     * Asks for another interval length from the next boundary on. Sources of fixed-length intervals ignore it and
     * say so by returning false.
     */
    default boolean changeIntervalLength(int seconds) {
        return false;
    }

    /** The detector's health now, when the source has a detector that can fail on its own. Any thread may ask. */
    default Optional<SensorHealth> health() {
        return Optional.empty();
    }

    /**
     * Asks a reader blocked in {@link #next()} on a live detector to give up soon (the agent is stopping); it then
     * throws or returns empty. Any thread may call it. Sources that never block on a detector ignore it.
     */
    default void stopReading() {
    }

    @Override
    default void close() throws IOException {
    }
}
