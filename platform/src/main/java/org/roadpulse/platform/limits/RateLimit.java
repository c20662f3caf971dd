package org.roadpulse.platform.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How often each sender may come: a token bucket per sender (a device, a person), filled at {@code perSecond} up to
 * {@code burst}. The burst lets a device that was offline empty its outbox quickly, or a page load its parts at once;
 * the rate stops one sender that floods (a broken loop in a device's firmware, a runaway script, a stolen secret)
 * from taking the service away from all the others.
 *
 * <p>A request over the limit is not refused for good: it is answered "too many, later" with the seconds to wait, so a
 * device keeps the message in its outbox and loses nothing, and a script can retry.
 */
public final class RateLimit {

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        private double tokens;
        private long filledAtNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.filledAtNanos = now;
        }
    }

    /**
     * @param perSecond requests per second a sender may make in the long run; 0 or less means no limit
     * @param burst     requests a sender may make at once after a quiet time (at least 1)
     * @param nanoTime  the clock, {@code System::nanoTime} outside tests
     */
    public RateLimit(double perSecond, int burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
    }

    public static RateLimit unlimited() {
        return new RateLimit(0, 1, System::nanoTime);
    }

    public boolean limits() {
        return perSecond > 0;
    }

    /**
     * Takes one request of this sender from its allowance.
     *
     * @return 0 if the message may pass, otherwise the whole seconds (at least 1) after which the next one would
     */
    public long admit(String sender) {
        if (!limits()) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(sender, id -> new Bucket(burst, now));
        synchronized (bucket) {
            double refill = (now - bucket.filledAtNanos) * perSecond / NANOS_PER_SECOND;
            bucket.tokens = Math.min(burst, bucket.tokens + refill);
            bucket.filledAtNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double wait = (1 - bucket.tokens) / perSecond;
            return Math.max(1, (long) Math.ceil(wait));
        }
    }
}
