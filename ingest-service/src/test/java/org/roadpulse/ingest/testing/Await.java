package org.roadpulse.ingest.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds; on timeout fails the test with what the condition saw last. */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /** Waits for the condition; the time it took, in milliseconds. */
    public static long until(BooleanSupplier condition, Duration timeout, Supplier<String> whatWasSeen)
            throws InterruptedException {
        long started = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - started > timeout.toNanos()) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + whatWasSeen.get());
            }
            Thread.sleep(POLL_MILLIS);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
