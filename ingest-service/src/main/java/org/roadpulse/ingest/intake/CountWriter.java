package org.roadpulse.ingest.intake;

import java.util.concurrent.CompletableFuture;

/**
 * Stores accepted intervals idempotently on (device, seq). The future completes after the commit with
 * {@link IntakeResult.Stored} (a duplicate when the message was stored before), or with
 * {@link IntakeResult.Unavailable} when it could not be stored now; it never completes exceptionally.
 */
public interface CountWriter {

    CompletableFuture<IntakeResult> write(AcceptedCounts counts);
}
