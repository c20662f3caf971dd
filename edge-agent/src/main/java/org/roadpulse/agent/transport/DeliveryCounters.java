package org.roadpulse.agent.transport;

import java.util.concurrent.atomic.AtomicLong;

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

    void sent() {
        sent.incrementAndGet();
    }

    void acked() {
        acked.incrementAndGet();
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    void retried() {
        retried.incrementAndGet();
    }

    public Snapshot snapshot() {
        return new Snapshot(sent.get(), acked.get(), rejected.get(), retried.get());
    }
}
