package org.roadpulse.agent.source;

import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.Limits;

import java.util.ArrayList;
import java.util.List;

/** A lane of a measurement site: its number within its direction, and the direction. */
public record LanePosition(int lane, Direction direction) {

    public LanePosition {
        if (lane < 1 || lane > Limits.MAX_LANE_NUMBER) {
            throw new IllegalArgumentException("lane must be 1 to " + Limits.MAX_LANE_NUMBER + ", not " + lane);
        }
    }

    /** {@code lanesPerDirection} lanes forward, then as many backward. */
    public static List<LanePosition> bothDirections(int lanesPerDirection) {
        List<LanePosition> lanes = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            for (int lane = 1; lane <= lanesPerDirection; lane++) {
                lanes.add(new LanePosition(lane, direction));
            }
        }
        return lanes;
    }
}
