package org.roadpulse.ingest.intake;

import java.util.concurrent.CompletableFuture;

/**
 * The one door every transport uses: decode, validate, check the sender, store idempotently. The future completes
 * only after the rows are committed (or the payload is rejected), so a transport acknowledges exactly then.
 * Never completes exceptionally: every outcome is an {@link IntakeResult}.
 */
public interface CountIntake {

    CompletableFuture<IntakeResult> submit(InboundCounts counts);
}
