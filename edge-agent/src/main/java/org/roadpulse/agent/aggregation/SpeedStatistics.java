package org.roadpulse.agent.aggregation;

import org.roadpulse.protocol.SpeedHistogram;

import java.util.Arrays;

/**
 * The speed figures of one lane and interval, from the measured speeds of its vehicles.
 *
 * <p><b>Percentiles</b> use the nearest-rank method: the p-th percentile of n speeds is the k-th smallest with
 * {@code k = ceil(p/100 * n)}. V85 is therefore always a speed that was measured: the smallest one that at least 85 %
 * of the vehicles did not exceed. (Of 20 vehicles, V85 is the 17th slowest; of 1, its speed.) No interpolation, so
 * the figure does not depend on how speeds between measured ones are imagined.
 *
 * <p>Means and percentiles are rounded to 0.1 km/h: detectors measure whole km/h, more digits would be noise.
 */
public final class SpeedStatistics {

    private SpeedStatistics() {
    }

    /** Arithmetic mean rounded to 0.1 km/h, or null for no vehicles. */
    public static Double mean(double[] speeds) {
        if (speeds.length == 0) {
            return null;
        }
        double sum = 0;
        for (double speed : speeds) {
            sum += speed;
        }
        return round(sum / speeds.length);
    }

    /** The nearest-rank percentile ({@code percent} 0 < p ≤ 100) rounded to 0.1 km/h, or null for no vehicles. */
    public static Double percentile(double[] speeds, double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], not " + percent);
        }
        if (speeds.length == 0) {
            return null;
        }
        double[] sorted = speeds.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent * sorted.length / 100.0);
        return round(sorted[Math.max(1, rank) - 1]);
    }

    /** V85: the speed not exceeded by 85 % of the vehicles (nearest rank). */
    public static Double v85(double[] speeds) {
        return percentile(speeds, 85);
    }

    /**
     * Vehicles per {@code binWidthKmh} speed bin, bin i holding {@code [i*w, (i+1)*w)}, as many bins as the fastest
     * vehicle needs (none for no vehicles).
     */
    public static SpeedHistogram histogram(double[] speeds, int binWidthKmh) {
        int bins = 0;
        for (double speed : speeds) {
            bins = Math.max(bins, bin(speed, binWidthKmh) + 1);
        }
        int[] counts = new int[bins];
        for (double speed : speeds) {
            counts[bin(speed, binWidthKmh)]++;
        }
        return new SpeedHistogram(binWidthKmh, counts);
    }

    private static int bin(double speed, int binWidthKmh) {
        return (int) Math.floor(speed / binWidthKmh);
    }

    private static double round(double kmh) {
        return Math.round(kmh * 10) / 10.0;
    }
}
