package org.roadpulse.ingest.flow;

import java.util.Arrays;
import java.util.Optional;

/** Whether figures are for the whole cross-section or for each direction of travel. */
public enum Split {
    CROSS_SECTION("cross-section"),
    DIRECTION("direction");

    private final String wireName;

    Split(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Split> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equalsIgnoreCase(name)).findFirst();
    }
}
