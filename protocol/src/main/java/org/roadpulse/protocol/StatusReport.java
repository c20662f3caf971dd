package org.roadpulse.protocol;

import java.time.Instant;

/**
 * A device's heartbeat, and (with state OFFLINE, sent by the broker as the last will) its disappearance.
 *
 * @param at           device time of the report; null in a last will, which is written before it is needed
 * @param outboxDepth  intervals waiting for acknowledgement, or null
 * @param lastSeq      highest seq the device has produced, or null
 * @param uptimeSeconds seconds since the agent started, or null
 */
public record StatusReport(
        String deviceId,
        Instant at,
        State state,
        String firmware,
        Long outboxDepth,
        Long lastSeq,
        Long uptimeSeconds) {

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

    public static StatusReport lastWill(String deviceId, String firmware) {
        return new StatusReport(deviceId, null, State.OFFLINE, firmware, null, null, null);
    }
}
