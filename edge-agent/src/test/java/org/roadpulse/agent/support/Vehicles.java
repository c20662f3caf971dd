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
        return new ListSource(start, end, lanes, vehicles);
    }

    /** A live source that plays fixed readings (vehicles, watermarks, outages) and then ends. */
    public static VehicleSource live(Instant start, List<LanePosition> lanes, Reading... readings) {
        return new ReadingSource(start, lanes, readings);
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

    private static final class ReadingSource implements VehicleSource {
        private final Instant start;
        private final List<LanePosition> lanes;
        private final Deque<Reading> readings;

        ReadingSource(Instant start, List<LanePosition> lanes, Reading... readings) {
            this.start = start;
            this.lanes = lanes;
            this.readings = new ArrayDeque<>(List.of(readings));
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
        public Optional<Reading> nextReading() {
            return Optional.ofNullable(readings.poll());
        }

        @Override
        public Optional<Vehicle> next() {
            throw new UnsupportedOperationException("a live source is read by nextReading()");
        }
    }

    private static final class ListSource implements VehicleSource {
        private final Instant start;
        private final Instant end;
        private final List<LanePosition> lanes;
        private final Deque<Vehicle> vehicles;

        ListSource(Instant start, Instant end, List<LanePosition> lanes, Vehicle... vehicles) {
            this.start = start;
            this.end = end;
            this.lanes = lanes;
            this.vehicles = new ArrayDeque<>(List.of(vehicles));
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
        public Optional<Vehicle> next() {
            return Optional.ofNullable(vehicles.poll());
        }
    }
}
