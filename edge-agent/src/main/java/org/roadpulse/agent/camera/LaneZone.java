package org.roadpulse.agent.camera;

import org.roadpulse.protocol.Direction;

/**
 * A lane as a stretch of the counting line: a vehicle crossing in {@code direction} with its centre between
 * {@code from} and {@code to} (fractions of the line from its first point) is in this lane.
 */
public record LaneZone(Direction direction, int lane, double from, double to) {

    public LaneZone {
        if (!(from >= 0 && to <= 1 && from < to)) {
            throw new IllegalArgumentException("lane " + lane + " " + direction.wireName() + ": from " + from + " to "
                    + to + " must lie within the line (0..1), from below to");
        }
    }

    public boolean holds(Direction crossed, double along) {
        return crossed == direction && along >= from && along <= to;
    }
}
