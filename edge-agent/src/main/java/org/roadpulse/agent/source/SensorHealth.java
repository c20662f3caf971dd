package org.roadpulse.agent.source;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether the detector works right now, for the device's status: {@code up} since when, or down since when and why.
 * Only sources that can fail on their own (a camera stream) report it.
 *
 * @param since  when the detector entered this state (wall clock)
 * @param reason why it is down, for people; null when up
 */
public record SensorHealth(boolean up, Instant since, String reason) {

    public SensorHealth {
        Objects.requireNonNull(since, "since");
    }

    public static SensorHealth up(Instant since) {
        return new SensorHealth(true, since, null);
    }

    public static SensorHealth down(Instant since, String reason) {
        return new SensorHealth(false, since, reason);
    }
}
