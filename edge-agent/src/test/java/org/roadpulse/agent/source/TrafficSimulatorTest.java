package org.roadpulse.agent.source;

import org.junit.jupiter.api.Test;
import org.roadpulse.protocol.Direction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrafficSimulatorTest {

    /** Monday 6 May 2024, local midnight. */
    private static final Instant MONDAY = Instant.parse("2024-05-05T22:00:00Z");

    private static List<Vehicle> simulate(long seed, int lanes, Instant start, Instant until) {
        TrafficSimulator simulator = new TrafficSimulator(
                new TrafficSimulator.Parameters(lanes, 10_000, 0.10, 50, seed, start, until));
        List<Vehicle> vehicles = new ArrayList<>();
        for (Optional<Vehicle> next = simulator.next(); next.isPresent(); next = simulator.next()) {
            vehicles.add(next.get());
        }
        return vehicles;
    }

    @Test
    void theSameSeedGivesTheSameVehicles() {
        Instant until = MONDAY.plusSeconds(6 * 3600);
        assertThat(simulate(7, 2, MONDAY, until)).isEqualTo(simulate(7, 2, MONDAY, until));
        assertThat(simulate(7, 2, MONDAY, until)).isNotEqualTo(simulate(8, 2, MONDAY, until));
    }

    @Test
    void aWorkdayCarriesTheConfiguredVolumeWithARushHourAndAQuietNight() {
        // GIVEN one simulated Monday with 10,000 vehicles per direction
        List<Vehicle> day = simulate(1, 2, MONDAY, MONDAY.plusSeconds(24 * 3600));
        // THEN the volume is about 2 x 10,000, in time order
        assertThat(day.size()).isBetween(19_000, 21_000);
        assertThat(day).isSortedAccordingTo((a, b) -> a.time().compareTo(b.time()));
        // AND 07:00-08:00 local carries several times the traffic of 02:00-03:00
        long rush = countBetween(day, MONDAY.plusSeconds(7 * 3600), MONDAY.plusSeconds(8 * 3600));
        long night = countBetween(day, MONDAY.plusSeconds(2 * 3600), MONDAY.plusSeconds(3 * 3600));
        assertThat(rush).isGreaterThan(8 * night);
    }

    @Test
    void heavyShareAndSpeedsAreRealisticAndEveryLaneIsUsed() {
        List<Vehicle> day = simulate(2, 2, MONDAY, MONDAY.plusSeconds(24 * 3600));
        double heavy = day.stream().filter(v -> v.vehicleClass().heavy()).count() / (double) day.size();
        double meanSpeed = day.stream().mapToDouble(Vehicle::speedKmh).average().orElseThrow();
        // heavy share around 10 % (more at night), mean speed around the 50 km/h limit
        assertThat(heavy).isCloseTo(0.10, within(0.03));
        assertThat(meanSpeed).isBetween(44.0, 54.0);
        assertThat(day).extracting(Vehicle::position).contains(new LanePosition(1, Direction.FORWARD),
                new LanePosition(2, Direction.FORWARD), new LanePosition(1, Direction.BACKWARD),
                new LanePosition(2, Direction.BACKWARD));
        // heavy vehicles keep mostly to lane 1
        long heavyInLane1 = day.stream().filter(v -> v.vehicleClass().heavy() && v.lane() == 1).count();
        long heavyAll = day.stream().filter(v -> v.vehicleClass().heavy()).count();
        assertThat(heavyInLane1).isGreaterThan(heavyAll * 8 / 10);
    }

    @Test
    void sundayHasLittleHeavyTraffic() {
        Instant sunday = MONDAY.minusSeconds(24 * 3600);
        List<Vehicle> day = simulate(3, 1, sunday, sunday.plusSeconds(24 * 3600));
        double heavy = day.stream().filter(v -> v.vehicleClass().heavy()).count() / (double) day.size();
        assertThat(heavy).isLessThan(0.04);
    }

    private static long countBetween(List<Vehicle> vehicles, Instant from, Instant to) {
        return vehicles.stream().filter(v -> !v.time().isBefore(from) && v.time().isBefore(to)).count();
    }
}
