package org.roadpulse.agent.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Polls a condition until it holds, failing the test after a timeout. */
public final class Await {

    private Await() {
    }

    public static void until(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("condition not met within " + timeout).isNegative();
            Thread.sleep(10);
        }
    }
}
