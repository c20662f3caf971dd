package org.roadpulse.agent.transport;

import org.roadpulse.agent.outbox.Outbox;
import org.roadpulse.agent.outbox.OutboxRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Empties the outbox into a {@link CountPublisher}, oldest interval first, whatever the transport:
 * <ul>
 *   <li>at most {@code window} intervals in flight at a time;</li>
 *   <li>an interval leaves the outbox only when the service answered for it: {@link Delivery.Acked} or
 *       {@link Delivery.Rejected} (the latter counted and logged, never resent);</li>
 *   <li>{@link Delivery.Retry} (no answer, lost connection, service unavailable) keeps it and pauses sending for a
 *       {@link Backoff} delay; a lost connection is re-established with the same backoff;</li>
 *   <li>every attempt that gets no answer within {@code answerTimeout} counts as a retry.</li>
 * </ul>
 * Resends after a lost connection can reach the service twice; it stores a (device, seq) once, so that is harmless.
 * One thread does all of it; {@link #wake()} tells it a new interval is waiting.
 */
public final class OutboxDrainer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDrainer.class);
    private static final Object WAKE = new Object();
    private static final Object STOP = new Object();
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);

    /** An answer for one attempt; {@code attempt} tells a late answer to an earlier attempt from the current one. */
    private record Outcome(long seq, long attempt, Delivery delivery) {
    }

    private final String name;
    private final Outbox outbox;
    private final CountPublisher publisher;
    private final Backoff backoff;
    private final int window;
    private final Duration answerTimeout;
    private final Runnable onConnected;
    private final DeliveryCounters counters = new DeliveryCounters();
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    /** seq → attempt number of the send in flight. */
    private final Map<Long, Long> inFlight = new HashMap<>();
    private long attempts;
    private volatile boolean running;
    private volatile boolean stopping;
    private volatile Duration stopGrace = Duration.ZERO;
    private long pausedUntilNanos;
    private boolean paused;
    private Thread thread;

    /**
     * @param onConnected run after every successful (re)connect, e.g. to announce the device online
     */
    public OutboxDrainer(String name, Outbox outbox, CountPublisher publisher, Backoff backoff, int window,
                         Duration answerTimeout, Runnable onConnected) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
        this.name = name;
        this.outbox = outbox;
        this.publisher = publisher;
        this.backoff = backoff;
        this.window = window;
        this.answerTimeout = answerTimeout;
        this.onConnected = onConnected;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        thread = new Thread(this::run, "outbox-drainer-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** A new interval is in the outbox. */
    public void wake() {
        events.offer(WAKE);
    }

    public DeliveryCounters.Snapshot counters() {
        return counters.snapshot();
    }

    /** Rejected intervals per reason (see {@link DeliveryCounters#rejectionReasons()}). */
    public Map<String, Long> rejectionReasons() {
        return counters.rejectionReasons();
    }

    /**
     * Stops sending, waits up to {@code grace} for the answers to what is in flight, and returns. What is left
     * stays in the outbox for the next start.
     */
    public void stop(Duration grace) {
        Thread running = this.thread;
        if (running == null) {
            return;
        }
        stopGrace = grace;
        stopping = true;
        events.offer(STOP);
        try {
            running.join(grace.toMillis() + 1000);
            if (running.isAlive()) {
                this.running = false;
                running.interrupt();
                running.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops without waiting for any answer. */
    @Override
    public void close() {
        running = false;
        stop(Duration.ZERO);
    }

    private void run() {
        try {
            while (running && !stopping) {
                if (!publisher.connected()) {
                    inFlight.clear();
                    if (!connect()) {
                        continue;
                    }
                }
                if (!paused) {
                    dispatch();
                }
                handle(events.poll(pollTimeoutNanos(), TimeUnit.NANOSECONDS));
                for (Object event = events.poll(); event != null; event = events.poll()) {
                    handle(event);
                }
                if (paused && System.nanoTime() - pausedUntilNanos >= 0) {
                    paused = false;
                }
            }
            awaitInFlight(stopGrace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("{}: the outbox drainer stopped on an unexpected error", name, e);
        }
    }

    private boolean connect() throws InterruptedException {
        try {
            publisher.connect();
            LOG.info("{}: connected; {} intervals waiting", name, outbox.pendingCount());
            onConnected.run();
            return true;
        } catch (TransportException e) {
            Duration delay = backoff.next();
            LOG.warn("{}: cannot connect ({}); next attempt in {} ms", name, e.getMessage(), delay.toMillis());
            pause(delay);
            long deadline = pausedUntilNanos;
            while (running && !stopping && deadline - System.nanoTime() > 0) {
                handle(events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
            }
            paused = false;
            return false;
        }
    }

    private void dispatch() {
        if (inFlight.size() >= window) {
            return;
        }
        for (OutboxRecord record : outbox.oldest(window + inFlight.size())) {
            if (inFlight.size() >= window || !publisher.connected()) {
                return;
            }
            if (!inFlight.containsKey(record.seq())) {
                long attempt = ++attempts;
                inFlight.put(record.seq(), attempt);
                counters.sent();
                send(record, attempt);
            }
        }
    }

    private void send(OutboxRecord record, long attempt) {
        CompletableFuture<Delivery> answer;
        try {
            answer = publisher.publish(record);
        } catch (RuntimeException e) {
            answer = CompletableFuture.completedFuture(Delivery.retry("publish failed: " + e));
        }
        answer.completeOnTimeout(Delivery.retry("no answer within " + answerTimeout.toMillis() + " ms"),
                        answerTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((delivery, failure) -> events.offer(new Outcome(record.seq(), attempt,
                        failure != null ? Delivery.retry(String.valueOf(failure)) : delivery)));
    }

    private void handle(Object event) {
        if (event instanceof Outcome outcome) {
            boolean current = inFlight.remove(outcome.seq(), outcome.attempt());
            if (!current && outcome.delivery() instanceof Delivery.Retry) {
                return; // a late failure of an attempt already given up on (e.g. before a reconnect)
            }
            try {
                record(outcome.seq(), outcome.delivery());
            } catch (IOException e) {
                LOG.error("{}: cannot record the answer for seq {} in the outbox; it will be sent again",
                        name, outcome.seq(), e);
            }
        } else if (event == STOP) {
            stopping = true;
        }
    }

    private void record(long seq, Delivery delivery) throws IOException {
        if (delivery instanceof Delivery.Acked) {
            if (outbox.ack(seq)) {
                counters.acked();
            }
            backoff.reset();
        } else if (delivery instanceof Delivery.Rejected rejected) {
            if (outbox.ack(seq)) {
                counters.rejected(rejected.reason());
                LOG.warn("{}: the service rejected interval seq {} ({}{}); dropped from the outbox, not resent",
                        name, seq, rejected.reason(), rejected.detail().isEmpty() ? "" : ": " + rejected.detail());
            }
            backoff.reset();
        } else if (delivery instanceof Delivery.Retry retry) {
            counters.retried();
            if (!paused) {
                Duration backedOff = backoff.next();
                Duration delay = retry.atLeast().compareTo(backedOff) > 0 ? retry.atLeast() : backedOff;
                LOG.info("{}: interval seq {} not delivered ({}); pausing {} ms", name, seq, retry.reason(),
                        delay.toMillis());
                pause(delay);
            }
        }
    }

    private void pause(Duration delay) {
        paused = true;
        pausedUntilNanos = System.nanoTime() + delay.toNanos();
    }

    private long pollTimeoutNanos() {
        if (paused) {
            return Math.max(0, pausedUntilNanos - System.nanoTime());
        }
        return IDLE_POLL.toNanos();
    }

    private void awaitInFlight(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (running && !inFlight.isEmpty() && publisher.connected() && deadline - System.nanoTime() > 0) {
            handle(events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
        }
    }
}
