package org.roadpulse.agent.aggregation;

import org.roadpulse.agent.source.IntervalSource;
import org.roadpulse.agent.source.MeasuredInterval;
import org.roadpulse.agent.source.Pacer;
import org.roadpulse.agent.source.Reading;
import org.roadpulse.agent.source.SensorHealth;
import org.roadpulse.agent.source.Vehicle;
import org.roadpulse.agent.source.VehicleSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Vehicles in, complete intervals out, in paced time: for each interval it reads the vehicles up to its end, waits
 * until the end is due on the wall clock, and only then counts them and closes the interval. So the aggregator's open
 * interval is the one the wall clock is in, and a length change that arrives meanwhile applies at its end.
 *
 * <p>An interval is reported only when it was measured to its end: a vehicle came after it, the source watched past
 * it ({@link Reading.Watched}, a live camera on a quiet road), or the source declares its measurement went on
 * ({@link VehicleSource#measurementEnd()}). An interval that an {@link Reading.Outage} touched is not reported at all,
 * so the platform sees a gap, not zero traffic (contract v1: "a missing measurement is not a zero").
 */
public final class AggregatingIntervalSource implements IntervalSource {

    private static final Logger LOG = LoggerFactory.getLogger(AggregatingIntervalSource.class);

    private final VehicleSource vehicles;
    private final IntervalAggregator aggregator;
    private final Pacer pacer;
    private final List<Vehicle> due = new ArrayList<>();
    private final Deque<MeasuredInterval> closed = new ArrayDeque<>();
    private Vehicle lookahead;
    private Reading.Outage outage;
    private Instant watchedUntil;
    private boolean exhausted;
    private long abandonedIntervals;

    public AggregatingIntervalSource(VehicleSource vehicles, int lengthSeconds, Pacer pacer) {
        this.vehicles = vehicles;
        this.aggregator = new IntervalAggregator(vehicles.scheme(), vehicles.lanes(), vehicles.measuresSpeed(),
                lengthSeconds);
        this.pacer = pacer;
    }

    @Override
    public Optional<MeasuredInterval> next() throws IOException, InterruptedException {
        if (!aggregator.begun()) {
            aggregator.begin(vehicles.measurementStart());
            pacer.anchor(aggregator.currentStart());
        }
        while (closed.isEmpty()) {
            Instant end = aggregator.currentEnd();
            readUpTo(end);
            if (outage != null && outage.from().isBefore(end)) {
                abandon(outage);
                continue;
            }
            if (lookahead == null && !measuredUntil(end)) {
                return Optional.empty();
            }
            pacer.awaitEventTime(end);
            for (Vehicle vehicle : due) {
                closed.addAll(aggregator.add(vehicle));
            }
            due.clear();
            closed.addAll(aggregator.advanceTo(end));
        }
        return Optional.of(closed.removeFirst());
    }

    @Override
    public boolean changeIntervalLength(int seconds) {
        aggregator.changeIntervalLength(seconds);
        return true;
    }

    @Override
    public Optional<SensorHealth> health() {
        return vehicles.health();
    }

    @Override
    public void stopReading() {
        vehicles.stopReading();
    }

    /** Vehicles discarded by the aggregator (before the first complete interval, or in an abandoned one). */
    public long discardedVehicles() {
        return aggregator.discardedVehicles();
    }

    /** Intervals not reported because an outage of the detector touched them. */
    public long abandonedIntervals() {
        return abandonedIntervals;
    }

    @Override
    public void close() throws IOException {
        vehicles.close();
    }

    /**
     * Moves the vehicles before {@code end} into {@link #due}; stops at the first later vehicle (kept as lookahead),
     * at a watermark at or past {@code end}, at an outage, or when the source is exhausted.
     */
    private void readUpTo(Instant end) throws IOException, InterruptedException {
        if (lookahead != null && lookahead.time().isBefore(end)) {
            due.add(lookahead);
            lookahead = null;
        }
        while (lookahead == null && outage == null && !exhausted && !watched(end)) {
            Optional<Reading> next = vehicles.nextReading();
            if (next.isEmpty()) {
                exhausted = true;
                break;
            }
            Reading reading = next.get();
            if (reading instanceof Reading.Passed passed) {
                Vehicle vehicle = passed.vehicle();
                watch(vehicle.time());
                if (vehicle.time().isBefore(end)) {
                    due.add(vehicle);
                } else {
                    lookahead = vehicle;
                }
            } else if (reading instanceof Reading.Watched watched) {
                watch(watched.until());
            } else if (reading instanceof Reading.Outage blind) {
                if (blind.until().isAfter(aggregator.currentStart())) {
                    watch(blind.from());
                    outage = blind;
                } else {
                    watch(blind.until()); // over before the open interval began (e.g. connecting at start)
                }
            }
        }
    }

    /** Closes what was complete before the outage, and drops the interval it began in and those it covered. */
    private void abandon(Reading.Outage blind) {
        for (Vehicle vehicle : due) {
            closed.addAll(aggregator.add(vehicle)); // before blind.from(): they belong to the open interval
        }
        due.clear();
        closed.addAll(aggregator.advanceTo(blind.from()));
        Instant from = aggregator.currentStart();
        aggregator.abandonUntil(blind.until());
        long lost = Math.max(1, (aggregator.currentStart().getEpochSecond() - from.getEpochSecond())
                / Math.max(1, aggregator.lengthSeconds()));
        abandonedIntervals += lost;
        LOG.warn("detector blind from {} to {} ({}): {} interval(s) from {} not reported", blind.from(), blind.until(),
                blind.reason(), lost, from);
        watchedUntil = blind.until();
        outage = null;
    }

    private void watch(Instant time) {
        if (watchedUntil == null || time.isAfter(watchedUntil)) {
            watchedUntil = time;
        }
    }

    private boolean watched(Instant end) {
        return watchedUntil != null && !watchedUntil.isBefore(end);
    }

    private boolean measuredUntil(Instant end) {
        Optional<Instant> declared = vehicles.measurementEnd();
        if (declared.isPresent()) {
            return !declared.get().isBefore(end);
        }
        return watched(end);
    }
}
