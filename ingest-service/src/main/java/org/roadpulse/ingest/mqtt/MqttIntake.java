package org.roadpulse.ingest.mqtt;

import org.roadpulse.ingest.broker.ServiceAccount;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.intake.CountIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MQTT door of the ingest service: {@code consumers} clients of the service account in the shared subscription
 * group of every device's counts and status (the broker gives each message to one of them; more service instances
 * join the same group). Each message is acknowledged only after the {@link CountIntake} committed or refused it.
 *
 * <p>Client ids are {@code <username>-<n>} and stay the same across restarts, which is what lets the broker keep
 * their sessions; service instances sharing one external broker need distinct usernames.
 */
public final class MqttIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttIntake.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final int REGISTRY_THREADS = 2;
    /** See {@link MqttConsumer}: long enough not to churn, short enough that a stalled broker costs half a minute. */
    static final Duration IDLE_RECONNECT = Duration.ofSeconds(30);

    private final List<MqttConsumer> consumers = new ArrayList<>();
    private final InboundRouter router;
    private final ExecutorService registryWork;

    /**
     * @param firstRetry wait before the first reconnection (also after the intake was unavailable); doubles up to
     *                   {@code maxRetry}
     * @param idleReconnect a consumer silent this long reconnects
     */
    public MqttIntake(String brokerUrl, ServiceAccount account, int consumerCount, CountIntake intake,
                      DeviceRegistry devices, Clock clock, Duration firstRetry, Duration maxRetry,
                      Duration idleReconnect) {
        if (consumerCount < 0) {
            throw new IllegalArgumentException("consumers must not be negative: " + consumerCount);
        }
        this.registryWork = Executors.newFixedThreadPool(REGISTRY_THREADS, namedDaemons("mqtt-status-"));
        this.router = new InboundRouter(intake, devices, registryWork, clock);
        for (int i = 0; i < consumerCount; i++) {
            consumers.add(new MqttConsumer(brokerUrl, account.username() + "-" + i, account.username(),
                    account.password(), router, firstRetry, maxRetry, idleReconnect));
        }
    }

    public MqttIntake(String brokerUrl, ServiceAccount account, int consumerCount, CountIntake intake,
                      DeviceRegistry devices) {
        this(brokerUrl, account, consumerCount, intake, devices, Clock.systemUTC(), Duration.ofSeconds(1),
                Duration.ofSeconds(30), IDLE_RECONNECT);
    }

    /** Connects every consumer in the background; they keep retrying until {@link #close()}. */
    public void start() {
        consumers.forEach(MqttConsumer::start);
    }

    /** Waits until every consumer is subscribed; false when the time ran out first. */
    public boolean awaitConsuming(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumingCount() < consumers.size()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    public int consumerCount() {
        return consumers.size();
    }

    /** Consumers currently connected and subscribed. */
    public int consumingCount() {
        return (int) consumers.stream().filter(MqttConsumer::isConsuming).count();
    }

    /**
     * What became of the messages since start: stored, duplicates, rejected, unavailable, statusReports; and
     * idleReconnects, the reconnections of silent consumers.
     */
    public Map<String, Long> tally() {
        Map<String, Long> tally = new TreeMap<>(router.tally());
        tally.put("idleReconnects", consumers.stream().mapToLong(MqttConsumer::idleReconnects).sum());
        return tally;
    }

    /** Disconnects; unacknowledged messages stay with the broker for the next start. */
    @Override
    public void close() {
        consumers.parallelStream().forEach(consumer -> consumer.stop(STOP_TIMEOUT));
        registryWork.shutdown();
        try {
            if (!registryWork.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                registryWork.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("MQTT intake stopped");
    }

    static java.util.concurrent.ThreadFactory namedDaemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
