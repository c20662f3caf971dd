package org.roadpulse.agent;

import org.roadpulse.agent.transport.CountPublisher;
import org.roadpulse.protocol.StatusReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Sends the device's status every period while connected; the period can change at any time (configuration). */
final class StatusHeartbeat implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusHeartbeat.class);

    private final CountPublisher publisher;
    private final Supplier<StatusReport> status;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> beats;
    private int periodSeconds;

    StatusHeartbeat(String deviceId, CountPublisher publisher, Supplier<StatusReport> status) {
        this.publisher = publisher;
        this.status = status;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "status-" + deviceId);
            thread.setDaemon(true);
            return thread;
        });
    }

    synchronized void start(int periodSeconds) {
        changePeriod(periodSeconds);
    }

    /** Applies a new period from now on. */
    synchronized void changePeriod(int seconds) {
        if (scheduler.isShutdown() || seconds == periodSeconds && beats != null) {
            return;
        }
        if (beats != null) {
            beats.cancel(false);
        }
        periodSeconds = seconds;
        beats = scheduler.scheduleAtFixedRate(this::beat, seconds, seconds, TimeUnit.SECONDS);
    }

    /** Sends a status now, e.g. right after connecting (it replaces the retained last will). */
    void beatNow() {
        if (!scheduler.isShutdown()) {
            scheduler.execute(this::beat);
        }
    }

    private void beat() {
        try {
            if (publisher.connected()) {
                publisher.publishStatus(status.get());
            }
        } catch (RuntimeException e) {
            LOG.warn("status not sent: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        scheduler.shutdownNow();
    }
}
