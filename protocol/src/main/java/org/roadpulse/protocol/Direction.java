package org.roadpulse.protocol;

import java.util.Arrays;
import java.util.Optional;

/** Direction of travel relative to the site's reference direction (as FIWARE's {@code laneDirection}). */
public enum Direction {
    FORWARD("forward"),
    BACKWARD("backward");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Direction> fromWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
