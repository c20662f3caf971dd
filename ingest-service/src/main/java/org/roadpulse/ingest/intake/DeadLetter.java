package org.roadpulse.ingest.intake;

import org.roadpulse.protocol.Rejection;

import java.time.Instant;

/**
 * A refused payload kept for inspection, exactly as it arrived.
 *
 * @param claimedDevice the device the transport vouched for (not necessarily the one the payload names)
 */
public record DeadLetter(Instant receivedAt, Transport transport, String claimedDevice, Rejection rejection,
                         byte[] payload) {
}
