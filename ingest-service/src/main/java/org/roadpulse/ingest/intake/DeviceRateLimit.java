package org.roadpulse.ingest.intake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How many count messages each device may send: a token bucket per device, filled at {@code perSecond} up to
 * {@code burst}. The burst lets a device that was offline empty its outbox quickly; the rate stops one device that
 * floods (a broken loop in its firmware, a stolen secret) from taking the writer away from all the others.
 *
 * <p>A message over the limit is not refused for good: it is answered "too many, later", and the device keeps it
 * in its outbox, so a well-behaved device loses nothing (see {@link IntakeResult.Throttled}).
 */
public final class DeviceRateLimit {

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
     * @param perSecond messages per second a device may send in the long run; 0 or less means no limit
     * @param burst     messages a device may send at once after a quiet time (at least 1)
     * @param nanoTime  the clock, {@code System::nanoTime} outside tests
     */
    public DeviceRateLimit(double perSecond, int burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
    }

    public static DeviceRateLimit unlimited() {
        return new DeviceRateLimit(0, 1, System::nanoTime);
    }

    public boolean limits() {
        return perSecond > 0;
    }

    /**
     * Takes one message of this device from its allowance.
     *
     * @return 0 if the message may pass, otherwise the whole seconds (at least 1) after which the next one would
     */
    public long admit(String deviceId) {
        if (!limits()) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(deviceId, id -> new Bucket(burst, now));
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
