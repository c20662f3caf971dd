package org.roadpulse.agent.aggregation;

import org.junit.jupiter.api.Test;
import org.roadpulse.agent.source.LanePosition;
import org.roadpulse.agent.source.MeasuredInterval;
import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.LaneInterval;
import org.roadpulse.protocol.VehicleClass;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roadpulse.agent.support.Vehicles.car;
import static org.roadpulse.agent.support.Vehicles.vehicle;

class IntervalAggregatorTest {

    private static final List<LanePosition> TWO_WAY = LanePosition.bothDirections(1);
    private static final LanePosition FORWARD = new LanePosition(1, Direction.FORWARD);

    private static IntervalAggregator aggregator(int lengthSeconds, String begin) {
        IntervalAggregator aggregator = new IntervalAggregator(ClassScheme.TLS_8_1, TWO_WAY, true, lengthSeconds);
        aggregator.begin(Instant.parse(begin));
        return aggregator;
    }

    private static LaneInterval lane(MeasuredInterval interval, Direction direction) {
        return interval.lanes().stream().filter(l -> l.direction() == direction).findFirst().orElseThrow();
    }

    @Test
    void countsEachClassPerLaneAndDirection() {
        // GIVEN a 5-minute interval with cars, a van and trucks in both directions
        IntervalAggregator aggregator = aggregator(300, "2024-05-06T08:00:00Z");
        aggregator.add(vehicle("2024-05-06T08:00:01Z", 1, Direction.FORWARD, VehicleClass.PKW, 50.0));
        aggregator.add(vehicle("2024-05-06T08:01:00Z", 1, Direction.FORWARD, VehicleClass.PKW, 52.0));
        aggregator.add(vehicle("2024-05-06T08:02:00Z", 1, Direction.FORWARD, VehicleClass.LFW, 48.0));
        aggregator.add(vehicle("2024-05-06T08:03:00Z", 1, Direction.BACKWARD, VehicleClass.SATTEL_KFZ, 44.0));
        aggregator.add(vehicle("2024-05-06T08:04:00Z", 1, Direction.BACKWARD, VehicleClass.BUS, 40.0));
        // WHEN the interval ends
        List<MeasuredInterval> closed = aggregator.advanceTo(Instant.parse("2024-05-06T08:05:00Z"));
        // THEN each lane has its counts per class, and every other class of the scheme as an explicit zero
        assertThat(closed).hasSize(1);
        LaneInterval forward = lane(closed.get(0), Direction.FORWARD);
        assertThat(forward.count(VehicleClass.PKW)).isEqualTo(2);
        assertThat(forward.count(VehicleClass.LFW)).isEqualTo(1);
        assertThat(forward.counts()).containsKeys(ClassScheme.TLS_8_1.classes().toArray(VehicleClass[]::new));
        assertThat(forward.counts().get(VehicleClass.BUS)).isZero();
        LaneInterval backward = lane(closed.get(0), Direction.BACKWARD);
        assertThat(backward.heavy()).isEqualTo(2);
        assertThat(backward.total()).isEqualTo(2);
    }

    @Test
    void computesMeanAndV85ExactlyOnKnownSpeeds() {
        // GIVEN 20 cars at 31..50 km/h in one interval
        IntervalAggregator aggregator = aggregator(300, "2024-05-06T08:00:00Z");
        for (int i = 0; i < 20; i++) {
            aggregator.add(car("2024-05-06T08:00:%02dZ".formatted(i), 31 + i));
        }
        // WHEN it closes
        LaneInterval forward = lane(aggregator.advanceTo(Instant.parse("2024-05-06T08:05:00Z")).get(0),
                Direction.FORWARD);
        // THEN mean 40.5, V85 the 17th slowest = 47, histogram 31-39: 9, 40-49: 10, 50: 1
        assertThat(forward.meanSpeedKmh()).isEqualTo(40.5);
        assertThat(forward.v85Kmh()).isEqualTo(47.0);
        assertThat(forward.speedHistogram().counts()).containsExactly(0, 0, 0, 9, 10, 1);
    }

    @Test
    void aVehicleExactlyOnTheBoundaryBelongsToTheNextInterval() {
        // GIVEN a car one second before the boundary and one exactly on it
        IntervalAggregator aggregator = aggregator(300, "2024-05-06T08:00:00Z");
        assertThat(aggregator.add(car("2024-05-06T08:04:59Z", 50))).isEmpty();
        // WHEN the car on the boundary arrives
        List<MeasuredInterval> closed = aggregator.add(car("2024-05-06T08:05:00Z", 50));
        // THEN it closes 08:00-08:05 with one car and opens 08:05-08:10 with the other
        assertThat(closed).singleElement().satisfies(interval -> {
            assertThat(interval.start()).isEqualTo(Instant.parse("2024-05-06T08:00:00Z"));
            assertThat(interval.total()).isEqualTo(1);
        });
        assertThat(aggregator.advanceTo(Instant.parse("2024-05-06T08:10:00Z")).get(0).total()).isEqualTo(1);
    }

    @Test
    void reportsEmptyIntervalsAndEmptyLanesWithZeroCounts() {
        // GIVEN one car at 08:01 and the next at 08:16, in one direction only
        IntervalAggregator aggregator = aggregator(300, "2024-05-06T08:00:00Z");
        aggregator.add(car("2024-05-06T08:01:00Z", 50));
        // WHEN the second car arrives
        List<MeasuredInterval> closed = aggregator.add(car("2024-05-06T08:16:00Z", 50));
        // THEN three intervals close, the two quiet ones with every lane present and zero
        assertThat(closed).extracting(MeasuredInterval::start).containsExactly(
                Instant.parse("2024-05-06T08:00:00Z"), Instant.parse("2024-05-06T08:05:00Z"),
                Instant.parse("2024-05-06T08:10:00Z"));
        assertThat(closed).extracting(MeasuredInterval::total).containsExactly(1, 0, 0);
        MeasuredInterval quiet = closed.get(1);
        assertThat(quiet.lanes()).hasSize(2).allSatisfy(lane -> {
            assertThat(lane.total()).isZero();
            assertThat(lane.counts()).hasSize(9);
            assertThat(lane.meanSpeedKmh()).isNull();
            assertThat(lane.v85Kmh()).isNull();
            assertThat(lane.speedHistogram().counts()).isEmpty();
        });
        // AND the direction without traffic was reported in the busy interval too
        assertThat(lane(closed.get(0), Direction.BACKWARD).total()).isZero();
    }

    @Test
    void theFirstIntervalIsTheFirstCompleteOne() {
        // GIVEN a measurement that started at 08:37:29 with 15-minute intervals
        IntervalAggregator aggregator = aggregator(900, "2024-05-06T08:37:29Z");
        // THEN the first interval is 08:45-09:00, and a vehicle before it is discarded, not counted
        assertThat(aggregator.currentStart()).isEqualTo(Instant.parse("2024-05-06T08:45:00Z"));
        aggregator.add(car("2024-05-06T08:40:00Z", 50));
        aggregator.add(car("2024-05-06T08:50:00Z", 50));
        assertThat(aggregator.discardedVehicles()).isEqualTo(1);
        assertThat(aggregator.advanceTo(Instant.parse("2024-05-06T09:00:00Z")).get(0).total()).isEqualTo(1);
    }

    @Test
    void intervalsAreAlignedToMultiplesOfTheirLength() {
        IntervalAggregator aggregator = aggregator(3600, "2024-05-06T08:00:00.001Z");
        assertThat(aggregator.currentStart()).isEqualTo(Instant.parse("2024-05-06T09:00:00Z"));
        assertThat(aggregator.currentEnd().getEpochSecond() % 3600).isZero();
    }

    @Test
    void aNewLengthStartsAtTheFirstBoundaryAlignedToIt() {
        // GIVEN 5-minute intervals, the open one 10:05-10:10, and a request for 15 minutes
        IntervalAggregator aggregator = aggregator(300, "2024-05-06T10:05:00Z");
        aggregator.changeIntervalLength(900);
        // WHEN time runs to 11:00
        List<MeasuredInterval> closed = aggregator.advanceTo(Instant.parse("2024-05-06T11:00:00Z"));
        // THEN 10:05 and 10:10 stay 5 minutes, 15-minute intervals follow from 10:15, with no gap or overlap
        assertThat(closed).extracting(i -> i.start().toString() + "/" + i.lengthSeconds()).containsExactly(
                "2024-05-06T10:05:00Z/300", "2024-05-06T10:10:00Z/300", "2024-05-06T10:15:00Z/900",
                "2024-05-06T10:30:00Z/900", "2024-05-06T10:45:00Z/900");
    }

    @Test
    void countsAClassOutsideTheSchemeAsNotClassifiableAndIgnoresImplausibleSpeeds() {
        // GIVEN a 2+1 aggregator that receives an 8+1 class and a car at 400 km/h
        IntervalAggregator aggregator = new IntervalAggregator(ClassScheme.TLS_2_1, List.of(FORWARD), true, 60);
        aggregator.begin(Instant.parse("2024-05-06T10:00:00Z"));
        aggregator.add(vehicle("2024-05-06T10:00:10Z", 1, Direction.FORWARD, VehicleClass.PKW, 400.0));
        // WHEN it closes
        LaneInterval lane = aggregator.advanceTo(Instant.parse("2024-05-06T10:01:00Z")).get(0).lanes().get(0);
        // THEN the vehicle counts as nkKfz, and its speed is left out of the speed figures
        assertThat(lane.count(VehicleClass.NK_KFZ)).isEqualTo(1);
        assertThat(lane.meanSpeedKmh()).isNull();
        assertThat(lane.speedHistogram().total()).isZero();
    }

    @Test
    void refusesAnIntervalLengthTheContractDoesNotAllow() {
        assertThatThrownBy(() -> new IntervalAggregator(ClassScheme.TLS_8_1, TWO_WAY, true, 120))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("120");
    }
}
