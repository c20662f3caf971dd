package org.roadpulse.ingest.intake;

import org.roadpulse.platform.limits.RateLimit;
import org.roadpulse.protocol.Rejection;

/**
 * What became of an inbound payload. Transports map it to their reply: MQTT PUBACK for Stored and Rejected (a bad
 * payload must not be redelivered forever), no PUBACK for Unavailable and Throttled; CoAP 2.04 / 4.xx / 5.03 / 4.29;
 * HTTP 200 / 4xx / 503 / 429.
 */
public sealed interface IntakeResult {

    /** Committed to the database; {@code duplicate} when an earlier delivery of the same (device, seq) was. */
    record Stored(String deviceId, long seq, boolean duplicate) implements IntakeResult {
    }

    /** Refused for a reason of the payload or its sender; kept in the dead-letter table. */
    record Rejected(Rejection rejection) implements IntakeResult {
    }

    /**
     * Not stored: the device sends faster than its {@link RateLimit} allows. Like {@link Unavailable} the sender
     * keeps the message and sends it again, after {@code retryAfterSeconds}: HTTP 429, CoAP 4.29, MQTT PUBACK "quota
     * exceeded" (MQTT 3.1.1: the connection is closed, the message stays unacknowledged), reason {@code rate.exceeded}.
     */
    record Throttled(String deviceId, long retryAfterSeconds) implements IntakeResult {
    }

    /** Not stored now for a reason of the service (database down, shutting down): the sender must retry. */
    record Unavailable(String why) implements IntakeResult {
    }
}
