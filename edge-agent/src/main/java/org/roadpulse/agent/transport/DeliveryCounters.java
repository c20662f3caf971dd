package org.roadpulse.agent.transport;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What happened to the intervals sent since the agent started. */
public final class DeliveryCounters {

    /**
     * @param sent      publish attempts (a resend counts again)
     * @param acked     intervals the service stored or recognised as duplicates
     * @param rejected  intervals the service refused for good, removed from the outbox
     * @param retried   attempts that got no answer or "not now" and were sent again later
     */
    public record Snapshot(long sent, long acked, long rejected, long retried) {
    }

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final Map<String, LongAdder> rejectedByReason = new ConcurrentHashMap<>();

    void sent() {
        sent.incrementAndGet();
    }

    void acked() {
        acked.incrementAndGet();
    }

    void rejected(String reason) {
        rejected.incrementAndGet();
        rejectedByReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    void retried() {
        retried.incrementAndGet();
    }

    /** Rejected intervals per reason, in the order of the reason's name; the values add up to {@code rejected}. */
    public Map<String, Long> rejectionReasons() {
        Map<String, Long> reasons = new TreeMap<>();
        rejectedByReason.forEach((reason, count) -> reasons.put(reason, count.sum()));
        return reasons;
    }

    public Snapshot snapshot() {
        return new Snapshot(sent.get(), acked.get(), rejected.get(), retried.get());
    }
}
