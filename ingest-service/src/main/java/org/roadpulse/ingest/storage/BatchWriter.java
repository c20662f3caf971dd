package org.roadpulse.ingest.storage;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.intake.AcceptedCounts;
import org.roadpulse.ingest.intake.CountWriter;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.protocol.CountInterval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Collects accepted messages from every transport into batches and stores each batch in one transaction.
 *
 * <p>A batch closes when it holds {@code batchSize} messages or {@code maxDelayMs} after its first one arrived.
 * {@code threads} batches are written at a time (the database keeps concurrent batches apart: a message claimed by
 * one is a duplicate to the other). Messages repeated within a batch are stored once and all copies answered. A full queue answers
 * {@link IntakeResult.Unavailable} at once (backpressure: the device keeps the message and retries), as does a
 * batch the database refused; the writer keeps running either way. Futures complete only after the commit.
 */
public final class BatchWriter implements CountWriter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final long SHUTDOWN_GRACE_MS = 30_000;

    private record Pending(AcceptedCounts counts, CompletableFuture<IntakeResult> result) {
        MessageKey key() {
            CountInterval interval = counts.interval();
            return new MessageKey(interval.deviceId(), interval.seq());
        }
    }

    private final CountStore store;
    private final int batchSize;
    private final long maxDelayNanos;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final Timer batchTimer;
    private final DistributionSummary batchSizes;
    private volatile boolean running = true;

    public BatchWriter(CountStore store, IngestSettings.Writer settings, MeterRegistry meters) {
        this.store = store;
        this.batchSize = Math.max(1, settings.batchSize());
        this.maxDelayNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, settings.maxDelayMs()));
        this.queue = new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity()));
        this.batchTimer = Timer.builder("roadpulse.writer.batch")
                .description("time to store one batch, commit included")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.batchSizes = DistributionSummary.builder("roadpulse.writer.batch.size")
                .description("messages per batch").register(meters);
        Gauge.builder("roadpulse.writer.queue.depth", queue, BlockingQueue::size)
                .description("messages waiting for the writer").register(meters);
        for (int i = 0; i < Math.max(1, settings.threads()); i++) {
            Thread thread = new Thread(this::run, "count-writer-" + i);
            // Daemon: nothing is acknowledged before its commit, so an abrupt exit loses nothing a device let go of.
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    @Override
    public CompletableFuture<IntakeResult> write(AcceptedCounts counts) {
        if (!running) {
            return unavailable("the service is shutting down");
        }
        Pending pending = new Pending(counts, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            return unavailable("the writer queue is full");
        }
        if (!running && queue.remove(pending)) {
            // Lost the race with close(): nobody will drain it any more.
            return unavailable("the service is shutting down");
        }
        return pending.result();
    }

    /** Messages waiting to be written. */
    public int queueDepth() {
        return queue.size();
    }

    /** Stops accepting, stores what is queued (within a grace period), then answers the rest as unavailable. */
    @Override
    public void close() {
        running = false;
        long deadline = System.currentTimeMillis() + SHUTDOWN_GRACE_MS;
        try {
            for (Thread thread : threads) {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.result().complete(new IntakeResult.Unavailable("the service is shutting down")));
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                if (collect(batch)) {
                    writeBatch(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("Count writer failed on a batch of {}; continuing", batch.size(), e);
                batch.forEach(p -> p.result().complete(new IntakeResult.Unavailable("internal error")));
            } finally {
                batch.clear();
            }
        }
    }

    /** Fills the batch until it is full or the first message has waited {@code maxDelay}; false when idle. */
    private boolean collect(List<Pending> batch) throws InterruptedException {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        batch.add(first);
        long deadline = System.nanoTime() + maxDelayNanos;
        while (batch.size() < batchSize) {
            queue.drainTo(batch, batchSize - batch.size());
            long wait = deadline - System.nanoTime();
            if (batch.size() >= batchSize || wait <= 0) {
                break;
            }
            Pending next = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return true;
    }

    private void writeBatch(List<Pending> batch) {
        Map<MessageKey, List<Pending>> byKey = new LinkedHashMap<>();
        for (Pending pending : batch) {
            byKey.computeIfAbsent(pending.key(), k -> new ArrayList<>(1)).add(pending);
        }
        List<AcceptedCounts> distinct = new ArrayList<>(byKey.size());
        byKey.values().forEach(copies -> distinct.add(copies.get(0).counts()));

        long started = System.nanoTime();
        Set<MessageKey> fresh;
        try {
            fresh = store.store(distinct);
        } catch (StorageException e) {
            LOG.warn("{} messages not stored, their devices will retry: {}", batch.size(), e.getMessage());
            batch.forEach(p -> p.result().complete(new IntakeResult.Unavailable("database unavailable")));
            return;
        } finally {
            batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            batchSizes.record(batch.size());
        }
        byKey.forEach((key, copies) -> {
            boolean firstIsNew = fresh.contains(key);
            for (int i = 0; i < copies.size(); i++) {
                boolean duplicate = i > 0 || !firstIsNew;
                copies.get(i).result().complete(new IntakeResult.Stored(key.deviceId(), key.seq(), duplicate));
            }
        });
    }

    private static CompletableFuture<IntakeResult> unavailable(String why) {
        return CompletableFuture.completedFuture(new IntakeResult.Unavailable(why));
    }
}
