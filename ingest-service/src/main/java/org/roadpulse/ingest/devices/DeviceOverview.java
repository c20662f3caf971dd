package org.roadpulse.ingest.devices;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * What the device list shows a newcomer: is the device there, is it alive, do its counts arrive.
 *
 * @param lastSeen          latest of its last status report and its last stored message; null if never
 * @param state             state of its last status report ("online", "offline"), or null
 * @param firmware          firmware of its last status report, or null
 * @param outboxDepth       intervals waiting on the device, from its last status report, or null
 * @param sensor            the detector's state from its last status report, or null when the device does not
 *                          report one (older agents, loop counters)
 * @param storedIntervals   count messages stored so far
 * @param lastIntervalStart start of the newest interval stored, or null
 * @param secretSetAt       when its current secret was set (provisioned or rotated), or null before that was kept
 * @param revokedAt         when it was revoked, or null while it may send ({@code enabled})
 */
public record DeviceOverview(String id, String municipality, String name, boolean enabled, @Nullable Instant lastSeen,
                             @Nullable String state, @Nullable String firmware, @Nullable Long outboxDepth,
                             @Nullable Sensor sensor, long storedIntervals, @Nullable Instant lastIntervalStart,
                             @Nullable Instant secretSetAt, @Nullable Instant revokedAt) {

    /**
     * @param state  "ok" or "down"
     * @param since  when it entered that state, by the device's clock, or null
     * @param reason why it is down, as the device put it, or null
     */
    public record Sensor(String state, @Nullable Instant since, @Nullable String reason) {
    }
}
