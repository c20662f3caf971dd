package org.roadpulse.ingest.intake;

import org.roadpulse.protocol.CountInterval;

import java.time.Instant;

/** A count interval that passed every check and is ready to be stored, with how and when it arrived. */
public record AcceptedCounts(CountInterval interval, Transport transport, Instant receivedAt) {
}
