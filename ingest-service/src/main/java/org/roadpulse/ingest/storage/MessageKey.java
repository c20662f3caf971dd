package org.roadpulse.ingest.storage;

/** The identity of a count message: what makes a redelivery a duplicate. */
public record MessageKey(String deviceId, long seq) {
}
