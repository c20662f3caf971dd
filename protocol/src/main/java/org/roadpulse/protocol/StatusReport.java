package org.roadpulse.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * A device's heartbeat, and (with state OFFLINE, sent by the broker as the last will) its disappearance.
 *
 * @param at            device time of the report; null in a last will, which is written before it is needed
 * @param outboxDepth   intervals waiting for acknowledgement, or null
 * @param lastSeq       highest seq the device has produced, or null
 * @param uptimeSeconds seconds since the agent started, or null
 * @param sensor        whether the detector works (a camera whose stream dropped is down while the device is
 *                      online), or null: devices that do not report it, and every last will
 */
public record StatusReport(
        String deviceId,
        Instant at,
        State state,
        String firmware,
        Long outboxDepth,
        Long lastSeq,
        Long uptimeSeconds,
        Sensor sensor) {

    public enum State {
        ONLINE("online"), OFFLINE("offline");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /**
     * The detector's state, added in contract v1 without breaking older devices or platforms (an optional field).
     *
     * @param since  when it entered this state, or null if the device does not know
     * @param reason why it is down, for people (at most {@value Limits#MAX_SENSOR_REASON_LENGTH} characters), or null
     */
    public record Sensor(SensorState state, Instant since, String reason) {
        public Sensor {
            Objects.requireNonNull(state, "state");
        }

        public static Sensor ok(Instant since) {
            return new Sensor(SensorState.OK, since, null);
        }

        public static Sensor down(Instant since, String reason) {
            return new Sensor(SensorState.DOWN, since, reason);
        }
    }

    public enum SensorState {
        OK("ok"), DOWN("down");

        private final String wireName;

        SensorState(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** A report without the detector's state, as devices before the {@code sensor} field send it. */
    public StatusReport(String deviceId, Instant at, State state, String firmware, Long outboxDepth, Long lastSeq,
                        Long uptimeSeconds) {
        this(deviceId, at, state, firmware, outboxDepth, lastSeq, uptimeSeconds, null);
    }

    public StatusReport withSensor(Sensor detector) {
        return new StatusReport(deviceId, at, state, firmware, outboxDepth, lastSeq, uptimeSeconds, detector);
    }

    public static StatusReport lastWill(String deviceId, String firmware) {
        return new StatusReport(deviceId, null, State.OFFLINE, firmware, null, null, null, null);
    }
}
