package org.roadpulse.ingest.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perMinute} login attempts per key (a username, a client address) in any minute. The lock-out stops
 * guessing at one account; this stops guessing fast and spraying many accounts from one address. In memory: a
 * restart forgets the counts, which only ever lets more through, never locks anyone out.
 */
public final class LoginThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_KEYS = 100_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    public LoginThrottle(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts an attempt under every key; false when any of them is over its limit (the attempt is then not made). */
    public boolean allow(String... keys) {
        Instant now = clock.instant();
        if (attempts.size() > MAX_KEYS) {
            attempts.clear(); // a flood of made-up names must not fill the heap; forgetting only lets more through
        }
        boolean allowed = true;
        for (String key : keys) {
            Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                    times.pollFirst();
                }
                if (times.size() >= perMinute) {
                    allowed = false;
                } else {
                    times.addLast(now);
                }
            }
        }
        return allowed;
    }
}
