package org.roadpulse.agent.transport;

import org.roadpulse.agent.outbox.OutboxRecord;
import org.roadpulse.protocol.StatusReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A publisher whose answers a test decides: per seq, or by holding futures open to complete later. */
final class ScriptedPublisher implements CountPublisher {

    final List<Long> published = new ArrayList<>();
    final Map<Long, CompletableFuture<Delivery>> open = new ConcurrentHashMap<>();
    final AtomicInteger connectAttempts = new AtomicInteger();
    volatile int failConnects;
    volatile boolean connected;
    volatile Function<Long, Delivery> answer = seq -> Delivery.acked();

    @Override
    public void connect() throws TransportException {
        if (connectAttempts.incrementAndGet() <= failConnects) {
            throw new TransportException("refused (attempt " + connectAttempts.get() + ")");
        }
        connected = true;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public synchronized CompletableFuture<Delivery> publish(OutboxRecord record) {
        published.add(record.seq());
        Delivery delivery = answer.apply(record.seq());
        if (delivery == null) {
            CompletableFuture<Delivery> pending = new CompletableFuture<>();
            open.put(record.seq(), pending);
            return pending;
        }
        return CompletableFuture.completedFuture(delivery);
    }

    synchronized List<Long> published() {
        return List.copyOf(published);
    }

    @Override
    public CompletableFuture<Void> publishStatus(StatusReport status) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        connected = false;
    }

    @Override
    public void halt() {
        connected = false;
    }
}
