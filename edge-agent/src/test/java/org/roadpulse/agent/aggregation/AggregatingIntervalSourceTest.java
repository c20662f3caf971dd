package org.roadpulse.agent.aggregation;

import org.junit.jupiter.api.Test;
import org.roadpulse.agent.source.LanePosition;
import org.roadpulse.agent.source.MeasuredInterval;
import org.roadpulse.agent.source.Pacer;
import org.roadpulse.agent.source.Vehicle;
import org.roadpulse.agent.support.FakeClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadpulse.agent.support.Vehicles.car;
import static org.roadpulse.agent.support.Vehicles.live;
import static org.roadpulse.agent.support.Vehicles.outage;
import static org.roadpulse.agent.support.Vehicles.passed;
import static org.roadpulse.agent.support.Vehicles.source;
import static org.roadpulse.agent.support.Vehicles.watched;

class AggregatingIntervalSourceTest {

    private static final List<LanePosition> ONE_LANE = LanePosition.bothDirections(1);

    private static List<MeasuredInterval> drain(AggregatingIntervalSource source) throws Exception {
        List<MeasuredInterval> intervals = new ArrayList<>();
        for (Optional<MeasuredInterval> next = source.next(); next.isPresent(); next = source.next()) {
            intervals.add(next.get());
        }
        return intervals;
    }

    @Test
    void dropsTheIntervalTheVehiclesRanOutIn() throws Exception {
        // GIVEN a recording from 08:00 whose last vehicle passed at 08:12
        Vehicle[] vehicles = {car("2024-05-06T08:01:00Z", 50), car("2024-05-06T08:07:00Z", 50),
                car("2024-05-06T08:12:00Z", 50)};
        FakeClock clock = new FakeClock(Instant.parse("2025-01-01T00:00:00Z"));
        AggregatingIntervalSource source = new AggregatingIntervalSource(
                source(Instant.parse("2024-05-06T08:00:00Z"), null, ONE_LANE, vehicles), 300,
                new Pacer(clock, clock.sleeper(), 0));
        // WHEN it is read to its end
        List<MeasuredInterval> intervals = drain(source);
        // THEN 08:00 and 08:05 are reported; 08:10-08:15 is incomplete and is not
        assertThat(intervals).extracting(MeasuredInterval::start).containsExactly(
                Instant.parse("2024-05-06T08:00:00Z"), Instant.parse("2024-05-06T08:05:00Z"));
    }

    @Test
    void reportsQuietIntervalsUpToADeclaredMeasurementEnd() throws Exception {
        // GIVEN a simulation-like source that declares it measured until 08:15 but had its last vehicle at 08:01
        FakeClock clock = new FakeClock(Instant.parse("2025-01-01T00:00:00Z"));
        AggregatingIntervalSource source = new AggregatingIntervalSource(
                source(Instant.parse("2024-05-06T08:00:00Z"), Instant.parse("2024-05-06T08:15:00Z"), ONE_LANE,
                        car("2024-05-06T08:01:00Z", 50)), 300, new Pacer(clock, clock.sleeper(), 0));
        // THEN three intervals come out, two of them with zero vehicles
        assertThat(drain(source)).extracting(MeasuredInterval::total).containsExactly(1, 0, 0);
    }

    @Test
    void releasesEachIntervalWhenItsEndIsDueAtTheReplaySpeed() throws Exception {
        // GIVEN a replay at speed 60 of 5-minute intervals
        FakeClock clock = new FakeClock(Instant.parse("2025-01-01T00:00:00Z"));
        AggregatingIntervalSource source = new AggregatingIntervalSource(
                source(Instant.parse("2024-05-06T08:00:00Z"), Instant.parse("2024-05-06T08:10:00Z"), ONE_LANE,
                        car("2024-05-06T08:01:00Z", 50)), 300, new Pacer(clock, clock.sleeper(), 60));
        // WHEN both intervals are read
        drain(source);
        // THEN each waited 5 s of wall time (5 min / 60)
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-01T00:00:10Z"));
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void appliesALengthChangeMadeWhileWaitingAtTheNextAlignedBoundary() throws Exception {
        // GIVEN 5-minute intervals from 08:00 and a configuration for 15 minutes that arrives during the first wait
        FakeClock clock = new FakeClock(Instant.parse("2025-01-01T00:00:00Z"));
        AggregatingIntervalSource[] holder = new AggregatingIntervalSource[1];
        Pacer pacer = new Pacer(clock, duration -> {
            clock.advance(duration);
            holder[0].changeIntervalLength(900);
        }, 60);
        holder[0] = new AggregatingIntervalSource(source(Instant.parse("2024-05-06T08:00:00Z"),
                Instant.parse("2024-05-06T08:30:00Z"), ONE_LANE), 300, pacer);
        // THEN 08:00, 08:05, 08:10 stay 5 minutes (08:15 is the first 15-minute boundary), then one 15-minute interval
        assertThat(drain(holder[0])).extracting(MeasuredInterval::lengthSeconds).containsExactly(300, 300, 300, 900);
    }

    @Test
    void closesQuietIntervalsOnTimeWhenTheSourceSaysItWatched() throws Exception {
        // GIVEN a live camera on a quiet road: one car at 08:01, then only "watched until" marks up to 08:11
        FakeClock clock = new FakeClock(Instant.parse("2024-05-06T08:00:00Z"));
        AggregatingIntervalSource source = new AggregatingIntervalSource(
                live(Instant.parse("2024-05-06T08:00:00Z"), ONE_LANE, passed(car("2024-05-06T08:01:00Z", 50)),
                        watched("2024-05-06T08:04:59Z"), watched("2024-05-06T08:05:00Z"),
                        watched("2024-05-06T08:10:00Z"), watched("2024-05-06T08:11:00Z")),
                300, new Pacer(clock, clock.sleeper(), 1));
        // WHEN it is read to its end
        List<MeasuredInterval> intervals = drain(source);
        // THEN 08:00 (one car) and 08:05 (none) are reported, each as soon as it was watched to its end
        assertThat(intervals).extracting(MeasuredInterval::total).containsExactly(1, 0);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-05-06T08:10:00Z"));
    }

    @Test
    void leavesOutTheIntervalsAnOutageTouchedAndCountsOnAfterIt() throws Exception {
        // GIVEN a camera that counts, goes blind from 08:06 to 08:17 (a dropped stream), and counts again
        FakeClock clock = new FakeClock(Instant.parse("2025-01-01T00:00:00Z"));
        AggregatingIntervalSource source = new AggregatingIntervalSource(
                live(Instant.parse("2024-05-06T08:00:00Z"), ONE_LANE,
                        passed(car("2024-05-06T08:01:00Z", 50)), passed(car("2024-05-06T08:05:30Z", 50)),
                        outage("2024-05-06T08:06:00Z", "2024-05-06T08:17:00Z"),
                        passed(car("2024-05-06T08:18:00Z", 50)), passed(car("2024-05-06T08:21:00Z", 50)),
                        watched("2024-05-06T08:25:00Z")),
                300, new Pacer(clock, clock.sleeper(), 0));
        // WHEN it is read to its end
        List<MeasuredInterval> intervals = drain(source);
        // THEN 08:00 is reported; 08:05, 08:10 and 08:15 are left out (a gap, not zeros); 08:20 is reported
        assertThat(intervals).extracting(MeasuredInterval::start).containsExactly(
                Instant.parse("2024-05-06T08:00:00Z"), Instant.parse("2024-05-06T08:20:00Z"));
        assertThat(intervals).extracting(MeasuredInterval::total).containsExactly(1, 1);
        assertThat(source.abandonedIntervals()).isEqualTo(3);
        assertThat(source.discardedVehicles()).isEqualTo(2);
    }

    @Test
    void anOutageOnABoundaryCostsNoCompleteInterval() throws Exception {
        // GIVEN a camera watched to 08:05:00 exactly and blind until 08:09
        FakeClock clock = new FakeClock(Instant.parse("2025-01-01T00:00:00Z"));
        AggregatingIntervalSource source = new AggregatingIntervalSource(
                live(Instant.parse("2024-05-06T08:00:00Z"), ONE_LANE, passed(car("2024-05-06T08:01:00Z", 50)),
                        outage("2024-05-06T08:05:00Z", "2024-05-06T08:09:00Z"), watched("2024-05-06T08:15:00Z")),
                300, new Pacer(clock, clock.sleeper(), 0));
        // THEN 08:00 is complete and reported; 08:05 is not; 08:10 is
        assertThat(drain(source)).extracting(MeasuredInterval::start).containsExactly(
                Instant.parse("2024-05-06T08:00:00Z"), Instant.parse("2024-05-06T08:10:00Z"));
    }

    @Test
    void anOutageOverBeforeTheFirstIntervalCostsNothing() throws Exception {
        // GIVEN a camera started at 08:03 that took until 08:04 to connect
        FakeClock clock = new FakeClock(Instant.parse("2025-01-01T00:00:00Z"));
        AggregatingIntervalSource source = new AggregatingIntervalSource(
                live(Instant.parse("2024-05-06T08:03:00Z"), ONE_LANE,
                        outage("2024-05-06T08:03:00Z", "2024-05-06T08:04:00Z"), watched("2024-05-06T08:10:00Z")),
                300, new Pacer(clock, clock.sleeper(), 0));
        // THEN its first complete interval, 08:05, is reported and nothing counts as abandoned
        assertThat(drain(source)).extracting(MeasuredInterval::start)
                .containsExactly(Instant.parse("2024-05-06T08:05:00Z"));
        assertThat(source.abandonedIntervals()).isZero();
    }
}
