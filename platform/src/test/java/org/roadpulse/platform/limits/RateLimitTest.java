package org.roadpulse.platform.limits;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the per-sender token bucket on a clock the test moves, not with sleeps. */
class RateLimitTest {

    private final AtomicLong nanos = new AtomicLong(1_000);

    @Test
    void aDeviceMaySendItsBurstAtOnceAndThenAtItsRate() {
        // GIVEN 2 messages per second with a burst of 3
        RateLimit limit = new RateLimit(2, 3, nanos::get);
        // WHEN a device sends 4 at once
        // THEN 3 pass and the 4th is told to wait a second
        assertThat(limit.admit("d-1")).isZero();
        assertThat(limit.admit("d-1")).isZero();
        assertThat(limit.admit("d-1")).isZero();
        assertThat(limit.admit("d-1")).isEqualTo(1);
        // AND half a second later one more may pass, but not two
        advanceMillis(500);
        assertThat(limit.admit("d-1")).isZero();
        assertThat(limit.admit("d-1")).isPositive();
    }

    @Test
    void oneDevicesFloodDoesNotSlowAnother() {
        RateLimit limit = new RateLimit(1, 2, nanos::get);
        limit.admit("flooder");
        limit.admit("flooder");
        assertThat(limit.admit("flooder")).isPositive();
        assertThat(limit.admit("quiet")).isZero();
    }

    @Test
    void aQuietTimeRefillsTheBurstButNoMore() {
        RateLimit limit = new RateLimit(10, 5, nanos::get);
        for (int i = 0; i < 5; i++) {
            limit.admit("d-2");
        }
        advanceMillis(60_000);
        int passed = 0;
        while (limit.admit("d-2") == 0) {
            passed++;
        }
        assertThat(passed).isEqualTo(5);
    }

    @Test
    void aRateOfZeroLimitsNothing() {
        RateLimit limit = new RateLimit(0, 1, nanos::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limit.admit("d-3")).isZero();
        }
        assertThat(limit.limits()).isFalse();
    }

    private void advanceMillis(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
