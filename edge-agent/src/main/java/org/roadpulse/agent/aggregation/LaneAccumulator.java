package org.roadpulse.agent.aggregation;

import org.roadpulse.agent.source.LanePosition;
import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.LaneInterval;
import org.roadpulse.protocol.Limits;
import org.roadpulse.protocol.VehicleClass;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** What one lane has seen so far in the open interval. */
final class LaneAccumulator {

    private final LanePosition position;
    private final ClassScheme scheme;
    private final Map<VehicleClass, Integer> counts = new EnumMap<>(VehicleClass.class);
    private double[] speeds = new double[16];
    private int speedCount;

    LaneAccumulator(LanePosition position, ClassScheme scheme) {
        this.position = position;
        this.scheme = scheme;
        reset();
    }

    /**
     * Counts a vehicle. A class outside the scheme is counted as not classifiable; a speed outside what the contract
     * accepts (0 to {@link Limits#MAX_SPEED_KMH}) as not measured.
     */
    void add(VehicleClass vehicleClass, Double speedKmh) {
        VehicleClass counted = scheme.contains(vehicleClass) ? vehicleClass : VehicleClass.NK_KFZ;
        counts.merge(counted, 1, Integer::sum);
        if (speedKmh != null && speedKmh >= 0 && speedKmh <= Limits.MAX_SPEED_KMH) {
            if (speedCount == speeds.length) {
                speeds = Arrays.copyOf(speeds, speeds.length * 2);
            }
            speeds[speedCount++] = speedKmh;
        }
    }

    /** The lane's figures for the interval, then starts over. Every class of the scheme is listed, zeros included. */
    LaneInterval close(boolean measuresSpeed, int binWidthKmh) {
        double[] measured = Arrays.copyOf(speeds, speedCount);
        LaneInterval lane = new LaneInterval(position.lane(), position.direction(), counts,
                SpeedStatistics.mean(measured),
                SpeedStatistics.v85(measured),
                measuresSpeed ? SpeedStatistics.histogram(measured, binWidthKmh) : null,
                null);
        reset();
        return lane;
    }

    private void reset() {
        counts.clear();
        for (VehicleClass vehicleClass : scheme.classes()) {
            counts.put(vehicleClass, 0);
        }
        speedCount = 0;
    }
}
