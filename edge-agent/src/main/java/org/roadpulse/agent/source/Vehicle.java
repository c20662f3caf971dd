package org.roadpulse.agent.source;

import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.VehicleClass;

import java.time.Instant;
import java.util.Objects;

/**
 * One vehicle as a detector saw it.
 *
 * @param time         when it passed the detector (event time, not the time it was read)
 * @param lane         lane number in its direction, 1 = nearest the kerb
 * @param direction    direction of travel
 * @param vehicleClass its class in the scheme of its source
 * @param speedKmh     measured speed, or null when the detector measures none
 */
public record Vehicle(Instant time, int lane, Direction direction, VehicleClass vehicleClass, Double speedKmh) {

    public Vehicle {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(vehicleClass, "vehicleClass");
    }

    public LanePosition position() {
        return new LanePosition(lane, direction);
    }
}
