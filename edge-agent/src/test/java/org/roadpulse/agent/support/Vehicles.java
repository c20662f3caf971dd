package org.roadpulse.agent.support;

import org.roadpulse.agent.source.LanePosition;
import org.roadpulse.agent.source.Reading;
import org.roadpulse.agent.source.Vehicle;
import org.roadpulse.agent.source.VehicleSource;
import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.VehicleClass;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Vehicles for tests, and a source that plays a fixed list of them. */
public final class Vehicles {

    private Vehicles() {
    }

    public static Vehicle car(String time, double speed) {
        return new Vehicle(Instant.parse(time), 1, Direction.FORWARD, VehicleClass.PKW, speed);
    }

    public static Vehicle vehicle(String time, int lane, Direction direction, VehicleClass vehicleClass, Double speed) {
        return new Vehicle(Instant.parse(time), lane, direction, vehicleClass, speed);
    }

    public static VehicleSource source(Instant start, Instant end, List<LanePosition> lanes, Vehicle... vehicles) {
        return new ListSource(start, end, lanes, Stream.of(vehicles).map(Vehicles::passed).toList());
    }

    /** A live source that plays fixed readings (vehicles, watermarks, outages) and then ends. */
    public static VehicleSource live(Instant start, List<LanePosition> lanes, Reading... readings) {
        return new ListSource(start, null, lanes, List.of(readings));
    }

    public static Reading passed(Vehicle vehicle) {
        return new Reading.Passed(vehicle);
    }

    public static Reading watched(String until) {
        return new Reading.Watched(Instant.parse(until));
    }

    public static Reading outage(String from, String until) {
        return new Reading.Outage(Instant.parse(from), Instant.parse(until), "test");
    }

    /** Plays fixed readings in order; {@code next()} passes over everything but the vehicles. */
    private static final class ListSource implements VehicleSource {
        private final Instant start;
        private final Instant end;
        private final List<LanePosition> lanes;
        private final Deque<Reading> readings;

        ListSource(Instant start, Instant end, List<LanePosition> lanes, List<Reading> readings) {
            this.start = start;
            this.end = end;
            this.lanes = lanes;
            this.readings = new ArrayDeque<>(readings);
        }

        @Override
        public ClassScheme scheme() {
            return ClassScheme.TLS_8_1;
        }

        @Override
        public List<LanePosition> lanes() {
            return lanes;
        }

        @Override
        public boolean measuresSpeed() {
            return true;
        }

        @Override
        public Instant measurementStart() {
            return start;
        }

        @Override
        public Optional<Instant> measurementEnd() {
            return Optional.ofNullable(end);
        }

        @Override
        public Optional<Reading> nextReading() {
            return Optional.ofNullable(readings.poll());
        }

        @Override
        public Optional<Vehicle> next() {
            for (Reading reading = readings.poll(); reading != null; reading = readings.poll()) {
                if (reading instanceof Reading.Passed passed) {
                    return Optional.of(passed.vehicle());
                }
            }
            return Optional.empty();
        }
    }
}
