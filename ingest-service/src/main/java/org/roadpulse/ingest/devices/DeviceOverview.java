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
 * @param storedIntervals   count messages stored so far
 * @param lastIntervalStart start of the newest interval stored, or null
 */
public record DeviceOverview(String id, String municipality, String name, boolean enabled, @Nullable Instant lastSeen,
                             @Nullable String state, @Nullable String firmware, @Nullable Long outboxDepth,
                             long storedIntervals, @Nullable Instant lastIntervalStart) {
}
