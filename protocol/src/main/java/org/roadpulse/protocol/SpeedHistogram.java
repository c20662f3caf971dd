package org.roadpulse.protocol;

import java.util.Arrays;

/**
 * Vehicles per speed bin: bin {@code i} holds speeds in {@code [i * binWidthKmh, (i + 1) * binWidthKmh)} km/h.
 * Histograms add up across intervals, so the service can compute V85 over any period, which V85 values cannot.
 */
public record SpeedHistogram(int binWidthKmh, int[] counts) {

    public SpeedHistogram {
        counts = counts.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    public long total() {
        return Arrays.stream(counts).asLongStream().sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpeedHistogram other
                && binWidthKmh == other.binWidthKmh
                && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * binWidthKmh + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "SpeedHistogram[binWidthKmh=" + binWidthKmh + ", counts=" + Arrays.toString(counts) + "]";
    }
}
