package org.roadpulse.protocol.testing;

import org.junit.jupiter.api.Test;
import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.CountIntervalCodec;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.LaneInterval;
import org.roadpulse.protocol.SpeedHistogram;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Verifies that the shared interval builders give what the other modules' tests rely on: valid, realistic data. */
class IntervalsTest {

    private static final Instant MONDAY = Instant.parse("2026-06-01T00:00:00Z");
    private final CountIntervalCodec codec = new CountIntervalCodec(Clock.fixed(MONDAY.plusSeconds(8 * 86_400), ZoneOffset.UTC));

    @Test
    void aWeekOfSamplesInEveryLengthIsAcceptedByTheCodec() {
        for (int length : new int[] {60, 300, 900, 3600}) {
            // GIVEN a week of consecutive intervals
            List<CountInterval> week = Intervals.sampleSeries("loop-09162000-0001", 0, 7 * 86_400 / length, MONDAY, length);

            for (CountInterval interval : week) {
                // WHEN each is sent as JSON, THEN the service accepts it
                var verdict = codec.decode(codec.encode(interval, Encoding.JSON), Encoding.JSON);
                assertThat(verdict.isAccepted()).as("%s", verdict.isAccepted() ? "" : verdict.rejection()).isTrue();
            }
        }
    }

    @Test
    void sampleIsEightPlusOneInBothDirections() {
        CountInterval interval = Intervals.sample("loop-09162000-0001", 42, MONDAY.plusSeconds(7 * 3600));

        assertThat(interval.scheme()).isEqualTo(ClassScheme.TLS_8_1);
        assertThat(interval.lengthSeconds()).isEqualTo(300);
        assertThat(interval.lanes()).extracting(LaneInterval::lane, LaneInterval::direction)
                .containsExactly(tuple(1, Direction.FORWARD),
                        tuple(1, Direction.BACKWARD));
        assertThat(interval.lanes()).allSatisfy(lane -> {
            assertThat(lane.speedHistogram()).extracting(SpeedHistogram::total).isEqualTo((long) lane.total());
            assertThat(lane.v85Kmh()).isGreaterThan(lane.meanSpeedKmh());
        });
    }

    @Test
    void rushHourCarriesMoreThanTheNightAndWorkdaysMoreThanSundays() {
        // 07:00 and 03:00 local time (CEST) on Monday 1 June 2026, and the same morning hour on Sunday 7 June
        int rushHour = Intervals.sample("d-001", 1, Instant.parse("2026-06-01T05:00:00Z"), 3600).total();
        int night = Intervals.sample("d-001", 2, Instant.parse("2026-06-01T01:00:00Z"), 3600).total();
        int sunday = Intervals.sample("d-001", 3, Instant.parse("2026-06-07T05:00:00Z"), 3600).total();

        assertThat(rushHour).isGreaterThan(10 * night).isGreaterThan(sunday);
    }

    @Test
    void heavyTrafficIsAboutOneTenth() {
        List<CountInterval> day = Intervals.sampleSeries("loop-09162000-0001", 0, 24, MONDAY, 3600);
        int all = day.stream().mapToInt(CountInterval::total).sum();
        int heavy = day.stream().flatMap(i -> i.lanes().stream()).mapToInt(LaneInterval::heavy).sum();

        assertThat(all).isBetween(16_000, 20_000);
        assertThat((double) heavy / all).isBetween(0.07, 0.13);
    }

    @Test
    void coarserSchemesAddUpToTheSameVehicles() {
        Instant start = MONDAY.plusSeconds(9 * 3600);
        CountInterval fine = Intervals.sample("loop-09162000-0001", 9, start, 900, ClassScheme.TLS_8_1);
        CountInterval five = Intervals.sample("loop-09162000-0001", 9, start, 900, ClassScheme.TLS_5_1);
        CountInterval two = Intervals.sample("loop-09162000-0001", 9, start, 900, ClassScheme.TLS_2_1);

        assertThat(five.total()).isEqualTo(fine.total());
        assertThat(two.total()).isEqualTo(fine.total());
        assertThat(two.lanes().get(0).heavy()).isEqualTo(fine.lanes().get(0).heavy());
        assertThat(five.lanes().get(0).counts().keySet()).allMatch(ClassScheme.TLS_5_1::contains);
    }

    @Test
    void seriesIsContiguousAndNumberedByOne() {
        List<CountInterval> series = Intervals.sampleSeries("loop-09162000-0001", 500, 3, MONDAY, 900);

        assertThat(series).extracting(CountInterval::seq).containsExactly(500L, 501L, 502L);
        assertThat(series.get(1).start()).isEqualTo(series.get(0).end());
        assertThat(series.get(2).start()).isEqualTo(series.get(1).end());
    }

    @Test
    void sameArgumentsGiveTheSameInterval() {
        assertThat(Intervals.sample("loop-09162000-0001", 7, MONDAY))
                .isEqualTo(Intervals.sample("loop-09162000-0001", 7, MONDAY));
    }

    @Test
    void refusesAStartOffTheGrid() {
        assertThatThrownBy(() -> Intervals.sample("loop-09162000-0001", 7, MONDAY.plusSeconds(61)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alignedStart");
        assertThat(Intervals.alignedStart(MONDAY.plusSeconds(61), 300)).isEqualTo(MONDAY);
    }
}
