package org.roadpulse.agent.transport;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private static Backoff backoff(double... randoms) {
        Iterator<Double> sequence = java.util.Arrays.stream(randoms).boxed().toList().iterator();
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8), sequence::next);
    }

    @Test
    void doublesTheCapPerFailureUpToTheMaximum() {
        // GIVEN jitter that always picks the top of the range
        Backoff backoff = backoff(1, 1, 1, 1, 1, 1, 1);
        // THEN the delays are 0.5, 1, 2, 4, 8 s and then stay at the 8-s maximum
        assertThat(List.of(backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next(),
                backoff.next(), backoff.next())).extracting(Duration::toMillis)
                .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 8000L, 8000L);
    }

    @Test
    void jitterPicksBetweenHalfTheCapAndTheCap() {
        // GIVEN random draws 0, 0.5, 0.25 for the first three attempts (caps 500, 1000, 2000 ms)
        Backoff backoff = backoff(0, 0.5, 0.25);
        // THEN the delays are cap/2 + draw * cap/2
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(750));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(1250));
    }

    @Test
    void startsOverAfterAReset() {
        Backoff backoff = backoff(1, 1, 1);
        backoff.next();
        backoff.next();
        assertThat(backoff.attempts()).isEqualTo(2);
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void neverOverflowsAfterManyFailures() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofMinutes(5), () -> 1.0);
        Duration last = Duration.ZERO;
        for (int i = 0; i < 200; i++) {
            last = backoff.next();
        }
        assertThat(last).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void refusesAMaximumBelowTheInitialDelay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
