package org.roadpulse.agent.aggregation;

import org.roadpulse.agent.source.LanePosition;
import org.roadpulse.agent.source.MeasuredInterval;
import org.roadpulse.agent.source.Vehicle;
import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.LaneInterval;
import org.roadpulse.protocol.Limits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns vehicles into count intervals per lane and direction: counts per class, mean speed, V85 and a
 * {@value #SPEED_BIN_KMH}-km/h speed histogram (see {@link SpeedStatistics}).
 *
 * <p>Rules:
 * <ul>
 *   <li>Intervals are aligned: they start at a multiple of their length in UTC epoch seconds (as the contract
 *       demands), and close in event time — when a vehicle at or after the end arrives, or {@link #advanceTo} passes
 *       it — never by the wall clock.</li>
 *   <li>The first interval is the first complete one: it starts at the first boundary at or after the measurement
 *       start. Vehicles before it, or older than the open interval (late), are discarded and counted.</li>
 *   <li>Every lane of the site is reported in every interval, with zero counts if nothing passed: a zero is a
 *       measurement; a missing interval is not a zero.</li>
 *   <li>A new interval length ({@link #changeIntervalLength}) takes effect at the first boundary of the current
 *       intervals that is also a boundary of the new length, so that every interval stays aligned and none overlap
 *       or leave a gap (from 5 to 15 min at 10:05: 10:05–10:10, 10:10–10:15, then 15-min intervals).</li>
 * </ul>
 * Not thread-safe, except {@link #changeIntervalLength}, which a configuration downlink may call at any time.
 */
public final class IntervalAggregator {

    public static final int SPEED_BIN_KMH = 10;

    private final ClassScheme scheme;
    private final boolean measuresSpeed;
    private final Map<LanePosition, LaneAccumulator> lanes = new LinkedHashMap<>();
    private int lengthSeconds;
    private volatile Integer requestedLength;
    private Instant start;
    private long discardedVehicles;

    public IntervalAggregator(ClassScheme scheme, List<LanePosition> lanes, boolean measuresSpeed, int lengthSeconds) {
        requireValidLength(lengthSeconds);
        this.scheme = scheme;
        this.measuresSpeed = measuresSpeed;
        this.lengthSeconds = lengthSeconds;
        for (LanePosition lane : lanes) {
            this.lanes.put(lane, new LaneAccumulator(lane, scheme));
        }
    }

    /** Opens the first interval: the first complete one after {@code measurementStart}. */
    public void begin(Instant measurementStart) {
        long seconds = measurementStart.getEpochSecond() + (measurementStart.getNano() > 0 ? 1 : 0);
        long aligned = Math.floorDiv(seconds + lengthSeconds - 1, lengthSeconds) * lengthSeconds;
        start = Instant.ofEpochSecond(aligned);
    }

    public boolean begun() {
        return start != null;
    }

    /** Start of the open interval. */
    public Instant currentStart() {
        requireBegun();
        return start;
    }

    /** End of the open interval: the next boundary. */
    public Instant currentEnd() {
        requireBegun();
        return start.plusSeconds(lengthSeconds);
    }

    public int lengthSeconds() {
        return lengthSeconds;
    }

    /** Vehicles not counted because they came before the first complete interval or after their interval closed. */
    public long discardedVehicles() {
        return discardedVehicles;
    }

    /** Counts a vehicle, after closing the intervals that end at or before it; returns those. */
    public List<MeasuredInterval> add(Vehicle vehicle) {
        requireBegun();
        List<MeasuredInterval> closed = advanceTo(vehicle.time());
        if (vehicle.time().isBefore(start)) {
            discardedVehicles++;
            return closed;
        }
        lanes.computeIfAbsent(vehicle.position(), position -> new LaneAccumulator(position, scheme))
                .add(vehicle.vehicleClass(), vehicle.speedKmh());
        return closed;
    }

    /** Closes every interval that ends at or before {@code time}, empty ones included; returns them in order. */
    public List<MeasuredInterval> advanceTo(Instant time) {
        requireBegun();
        List<MeasuredInterval> closed = new ArrayList<>();
        while (!currentEnd().isAfter(time)) {
            closed.add(close());
        }
        return closed;
    }

    /**
     * Gives up the open interval after the detector was blind until {@code resumed}: its vehicles are discarded and
     * it is not reported (a partly watched interval would read as less traffic than there was). Counting goes on with
     * the first interval that starts at or after {@code resumed}, as after a fresh {@link #begin}.
     */
    public void abandonUntil(Instant resumed) {
        requireBegun();
        for (LaneAccumulator lane : lanes.values()) {
            discardedVehicles += lane.close(measuresSpeed, SPEED_BIN_KMH).total();
        }
        Instant from = currentStart();
        begin(resumed);
        if (start.isBefore(from)) {
            start = from; // an outage that ended before the open interval began touched none of it
        }
    }

    /** Asks for a new interval length; see the class comment for when it applies. */
    public void changeIntervalLength(int seconds) {
        requireValidLength(seconds);
        requestedLength = seconds;
    }

    private MeasuredInterval close() {
        List<LaneInterval> reported = new ArrayList<>(lanes.size());
        for (LaneAccumulator lane : lanes.values()) {
            reported.add(lane.close(measuresSpeed, SPEED_BIN_KMH));
        }
        MeasuredInterval interval = new MeasuredInterval(start, lengthSeconds, scheme, reported);
        start = interval.end();
        Integer requested = requestedLength;
        if (requested != null && start.getEpochSecond() % requested == 0) {
            lengthSeconds = requested;
            requestedLength = null;
        }
        return interval;
    }

    private void requireBegun() {
        if (start == null) {
            throw new IllegalStateException("begin(measurementStart) first");
        }
    }

    private static void requireValidLength(int seconds) {
        if (!Limits.INTERVAL_LENGTHS_SECONDS.contains(seconds)) {
            throw new IllegalArgumentException("interval length must be one of " + Limits.INTERVAL_LENGTHS_SECONDS
                    + " s, not " + seconds);
        }
    }
}
