package org.roadpulse.agent.source;

import org.roadpulse.protocol.ClassScheme;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Vehicles in event-time order, from a detector, a recording or a simulation. Reading is immediate: a source never
 * waits for wall-clock time; pacing is the job of whoever consumes it ({@link Pacer}).
 */
public interface VehicleSource extends AutoCloseable {

    /** The class granularity the vehicles carry. */
    ClassScheme scheme();

    /** The lanes this site has, in the order they are reported; each is reported even when no vehicle passed. */
    List<LanePosition> lanes();

    /** Whether vehicles carry a speed; if so, lanes without vehicles report an empty speed histogram. */
    boolean measuresSpeed();

    /** When the measurement began: the first interval that is reported is the first complete one after this. */
    Instant measurementStart();

    /**
     * When the measurement ended, if the source knows (a simulation that runs until a set time). Otherwise the
     * measurement is taken to end with the last vehicle, and an interval is complete only if a vehicle came after it.
     */
    default Optional<Instant> measurementEnd() {
        return Optional.empty();
    }

    /** The next vehicle, or empty when the source is exhausted. */
    Optional<Vehicle> next() throws IOException;

    /**
     * The next reading, or empty when the source is exhausted. A recording has only vehicles (the default); a live
     * source also says how far it has watched and when it was blind, so that its aggregation can close quiet
     * intervals on time and leave out the ones an outage touched. A source that overrides this may block while its
     * detector is down.
     */
    default Optional<Reading> nextReading() throws IOException, InterruptedException {
        return next().map(Reading.Passed::new);
    }

    /** The detector's health now, for sources that can fail on their own; empty otherwise. Any thread may ask. */
    default Optional<SensorHealth> health() {
        return Optional.empty();
    }

    /** See {@link IntervalSource#stopReading()}. */
    default void stopReading() {
    }

    @Override
    default void close() throws IOException {
    }
}
