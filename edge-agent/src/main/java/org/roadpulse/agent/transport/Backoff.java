package org.roadpulse.agent.transport;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter, for reconnecting and for retrying a service that said it is unavailable.
 *
 * <p>Attempt n (from 0) waits a random time in {@code [cap/2, cap]} with {@code cap = min(max, initial * 2^n)}
 * ("equal jitter"): the half that is fixed keeps a device from hammering a broken service, the random half keeps a
 * thousand devices that lost the same broker from coming back in the same millisecond. {@link #reset()} after a
 * success starts over.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private int attempt;

    /** @param random uniform in [0, 1); tests pass a fixed sequence */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    public static Backoff withRandomJitter(Duration initial, Duration max) {
        return new Backoff(initial, max, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** The delay before the next attempt; each call counts as one more failed attempt. */
    public synchronized Duration next() {
        long capMillis = cap(attempt).toMillis();
        if (attempt < 62) {
            attempt++;
        }
        double jitter = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        return Duration.ofMillis(capMillis / 2 + Math.round(jitter * (capMillis - capMillis / 2)));
    }

    /** Failed attempts since the last reset. */
    public synchronized int attempts() {
        return attempt;
    }

    public synchronized void reset() {
        attempt = 0;
    }

    private Duration cap(int n) {
        long initialMillis = initial.toMillis();
        long maxMillis = max.toMillis();
        if (n >= 62 || initialMillis > (maxMillis >> Math.min(n, 62))) {
            return max;
        }
        return Duration.ofMillis(Math.min(maxMillis, initialMillis << n));
    }
}
