package org.roadpulse.agent.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.aggregation.AggregatingIntervalSource;
import org.roadpulse.agent.support.FakeClock;
import org.roadpulse.agent.support.TrafficData;
import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.VehicleClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MoersRadarSourceTest {

    private static List<Vehicle> readAll(MoersRadarSource source) throws IOException {
        List<Vehicle> vehicles = new ArrayList<>();
        for (Optional<Vehicle> next = source.next(); next.isPresent(); next = source.next()) {
            vehicles.add(next.get());
        }
        return vehicles;
    }

    @Test
    void readsTheRealRecordingInLocalTime() throws IOException {
        try (MoersRadarSource source = new MoersRadarSource(TrafficData.moersRadar())) {
            // GIVEN the Römerstraße recording, 24.10.2016 08:37:29 (CEST) to 26.10.2016 07:31
            List<Vehicle> vehicles = readAll(source);
            // THEN times are local summer time (UTC+2), in order, and every line parsed
            assertThat(source.measurementStart()).isEqualTo(Instant.parse("2016-10-24T06:37:29Z"));
            assertThat(vehicles.get(0).time()).isEqualTo(Instant.parse("2016-10-24T06:37:29Z"));
            assertThat(vehicles.get(vehicles.size() - 1).time()).isEqualTo(Instant.parse("2016-10-26T05:31:14Z"));
            assertThat(vehicles).isSortedAccordingTo((a, b) -> a.time().compareTo(b.time()));
            assertThat(source.malformedLines()).isZero();
            // AND the double detections are removed: 14,152 lines, 358 echoes on the other lane
            assertThat(source.doubleDetections()).isEqualTo(358);
            assertThat(vehicles).hasSize(14_152 - 358);
            // AND lanes map to directions, lengths to the 2+1 classes, with speeds in the 30 zone's range
            assertThat(vehicles).extracting(Vehicle::direction).contains(Direction.FORWARD, Direction.BACKWARD);
            assertThat(vehicles).allSatisfy(v -> {
                assertThat(v.lane()).isEqualTo(1);
                assertThat(v.vehicleClass()).isIn(VehicleClass.PKW_AEHNLICH, VehicleClass.LKW_AEHNLICH);
                assertThat(v.speedKmh()).isBetween(5.0, 80.0);
            });
            assertThat(source.scheme()).isEqualTo(ClassScheme.TLS_2_1);
        }
    }

    @Test
    void aggregatesTheRecordingIntoCompleteQuarterHours() throws Exception {
        // GIVEN the recording replayed as fast as possible into 15-minute intervals
        FakeClock clock = new FakeClock(Instant.parse("2025-01-01T00:00:00Z"));
        List<MeasuredInterval> intervals = new ArrayList<>();
        long vehicles;
        try (MoersRadarSource radar = new MoersRadarSource(TrafficData.moersRadar());
             AggregatingIntervalSource source = new AggregatingIntervalSource(radar, 900,
                     new Pacer(clock, clock.sleeper(), 0))) {
            for (Optional<MeasuredInterval> next = source.next(); next.isPresent(); next = source.next()) {
                intervals.add(next.get());
            }
            vehicles = intervals.stream().mapToLong(MeasuredInterval::total).sum();
            // THEN the first complete quarter is 08:45 local and the last the one before 07:30 local
            assertThat(intervals.get(0).start()).isEqualTo(Instant.parse("2016-10-24T06:45:00Z"));
            assertThat(intervals.get(intervals.size() - 1).start()).isEqualTo(Instant.parse("2016-10-26T05:15:00Z"));
            // AND no quarter is missing in between, and every vehicle inside them is counted once
            assertThat(intervals).hasSize((int) ((Instant.parse("2016-10-26T05:30:00Z").getEpochSecond()
                    - Instant.parse("2016-10-24T06:45:00Z").getEpochSecond()) / 900));
            assertThat(vehicles + source.discardedVehicles()).isLessThanOrEqualTo(14_152 - 358);
            assertThat(source.discardedVehicles()).isPositive();
        }
    }

    @Test
    void dropsTheOtherLaneEchoOfOneVehicleButKeepsTwoRealOnes(@TempDir Path dir) throws IOException {
        // GIVEN an echo (same second, speed and length, other lane), two different vehicles in one second,
        // a long vehicle, a length-0 record and a garbage line
        Path file = dir.resolve("radar.txt");
        Files.writeString(file, """
                24.10.16 08:40:09;00;021;02;0\r
                24.10.16 08:40:09;00;021;02;1\r
                24.10.16 08:42:13;00;028;03;1\r
                24.10.16 08:42:13;00;029;01;0\r
                24.10.16 08:43:00;00;041;12;0 \r
                24.10.16 08:44:00;00;030;00;1\r
                not a record\r
                """);
        try (MoersRadarSource source = new MoersRadarSource(file)) {
            List<Vehicle> vehicles = readAll(source);
            // THEN the echo is gone, the two real vehicles stay, classes follow the 8-m rule
            assertThat(source.doubleDetections()).isEqualTo(1);
            assertThat(source.malformedLines()).isEqualTo(1);
            assertThat(vehicles).extracting(Vehicle::vehicleClass).containsExactly(VehicleClass.PKW_AEHNLICH,
                    VehicleClass.PKW_AEHNLICH, VehicleClass.PKW_AEHNLICH, VehicleClass.LKW_AEHNLICH,
                    VehicleClass.NK_KFZ);
            assertThat(vehicles.get(0).direction()).isEqualTo(Direction.FORWARD);
            assertThat(vehicles.get(1).direction()).isEqualTo(Direction.BACKWARD);
        }
    }
}
