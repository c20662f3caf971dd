package org.roadpulse.agent.aggregation;

import org.junit.jupiter.api.Test;
import org.roadpulse.protocol.SpeedHistogram;

import static org.assertj.core.api.Assertions.assertThat;

class SpeedStatisticsTest {

    /** 20 speeds 31..50 km/h, shuffled: the 17th slowest (ceil(0.85 * 20) = 17) is 47. */
    private static final double[] TWENTY = {
            45, 31, 50, 38, 42, 33, 47, 36, 49, 40, 32, 44, 35, 48, 39, 41, 34, 46, 37, 43};

    @Test
    void v85IsTheNearestRankSpeedThatEightyFivePercentDoNotExceed() {
        // GIVEN 20 vehicles at 31..50 km/h
        // WHEN V85 is computed
        Double v85 = SpeedStatistics.v85(TWENTY);
        // THEN it is the 17th slowest, a measured speed (no interpolation)
        assertThat(v85).isEqualTo(47.0);
    }

    @Test
    void v85OfFewVehiclesRoundsTheRankUp() {
        // 7 vehicles: ceil(0.85 * 7) = ceil(5.95) = 6 → the 6th slowest; 1 vehicle: its own speed
        assertThat(SpeedStatistics.v85(new double[]{30, 70, 40, 60, 50, 20, 10})).isEqualTo(60.0);
        assertThat(SpeedStatistics.v85(new double[]{42})).isEqualTo(42.0);
        assertThat(SpeedStatistics.v85(new double[0])).isNull();
    }

    @Test
    void percentileAtAnExactRankIsNotPushedUpByFloatingPoint() {
        // GIVEN 100 speeds 1..100: 0.85 * 100 must be rank 85, not 86
        double[] speeds = new double[100];
        for (int i = 0; i < 100; i++) {
            speeds[i] = i + 1;
        }
        assertThat(SpeedStatistics.v85(speeds)).isEqualTo(85.0);
        assertThat(SpeedStatistics.percentile(speeds, 50)).isEqualTo(50.0);
    }

    @Test
    void meanIsRoundedToOneTenthKmh() {
        assertThat(SpeedStatistics.mean(TWENTY)).isEqualTo(40.5);
        assertThat(SpeedStatistics.mean(new double[]{50, 51, 51})).isEqualTo(50.7);
        assertThat(SpeedStatistics.mean(new double[0])).isNull();
    }

    @Test
    void histogramBinsAreTenKmhWideAndEndAtTheFastestVehicle() {
        // GIVEN speeds on bin edges and inside bins
        double[] speeds = {0, 9.9, 10, 29, 30, 30.5, 59};
        // WHEN binned in 10-km/h bins
        SpeedHistogram histogram = SpeedStatistics.histogram(speeds, 10);
        // THEN [0,10) has 2, [10,20) 1, [20,30) 1, [30,40) 2, [50,60) 1, and nothing after the fastest bin
        assertThat(histogram.binWidthKmh()).isEqualTo(10);
        assertThat(histogram.counts()).containsExactly(2, 1, 1, 2, 0, 1);
        assertThat(histogram.total()).isEqualTo(speeds.length);
        assertThat(SpeedStatistics.histogram(new double[0], 10).counts()).isEmpty();
    }
}
