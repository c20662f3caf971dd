package org.roadpulse.agent.aggregation;

import org.roadpulse.agent.source.IntervalSource;
import org.roadpulse.agent.source.MeasuredInterval;
import org.roadpulse.agent.source.Pacer;
import org.roadpulse.agent.source.Vehicle;
import org.roadpulse.agent.source.VehicleSource;

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
 * <p>When the vehicles run out, the interval they ran out in is incomplete and is not reported — unless the source
 * says its measurement went on to the interval's end ({@link VehicleSource#measurementEnd()}).
 */
public final class AggregatingIntervalSource implements IntervalSource {

    private final VehicleSource vehicles;
    private final IntervalAggregator aggregator;
    private final Pacer pacer;
    private final List<Vehicle> due = new ArrayList<>();
    private final Deque<MeasuredInterval> closed = new ArrayDeque<>();
    private Vehicle lookahead;
    private Instant lastVehicleTime;
    private boolean exhausted;

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

    /** Vehicles discarded by the aggregator (before the first complete interval). */
    public long discardedVehicles() {
        return aggregator.discardedVehicles();
    }

    @Override
    public void close() throws IOException {
        vehicles.close();
    }

    /** Moves the vehicles before {@code end} into {@link #due}, keeping the first later one as lookahead. */
    private void readUpTo(Instant end) throws IOException {
        if (lookahead != null && lookahead.time().isBefore(end)) {
            due.add(lookahead);
            lookahead = null;
        }
        while (lookahead == null && !exhausted) {
            Optional<Vehicle> next = vehicles.next();
            if (next.isEmpty()) {
                exhausted = true;
                break;
            }
            Vehicle vehicle = next.get();
            lastVehicleTime = vehicle.time();
            if (vehicle.time().isBefore(end)) {
                due.add(vehicle);
            } else {
                lookahead = vehicle;
            }
        }
    }

    private boolean measuredUntil(Instant end) {
        Optional<Instant> declared = vehicles.measurementEnd();
        if (declared.isPresent()) {
            return !declared.get().isBefore(end);
        }
        return lastVehicleTime != null && !lastVehicleTime.isBefore(end);
    }
}
