package org.roadpulse.ingest.reliability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.broker.BrokerAddress;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.testing.SimulatedFleet;
import org.roadpulse.ingest.testing.SlowDatabase;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that when PostgreSQL is slower than the devices send (issue #8, backpressure), the service slows its
 * acknowledgements instead of dropping data or filling its memory: the PUBACK waits for the commit, and the embedded
 * broker hands the intake one message per device at a time (its interceptor keeps each client's order), so the
 * writer's queue holds at most one message per device, the broker at most each device's window, and the rest waits
 * in the devices' outboxes. The database is made slow for real (a sleeping trigger in PostgreSQL), then recovers;
 * every interval must then be stored once. When the queue is full after all, devices are turned away and send again.
 */
@Tag("slow")
@Tag("reliability")
class BackpressureTest {

    private static final int DEVICES = 40;
    private static final int WINDOW = 10;
    private static final int PER_PHASE = 20;
    private static final int RECORDS_PER_MESSAGE = 2; // Intervals.sample: lane 1, both directions
    private static final long MAX_HEAP_GROWTH_BYTES = 64L * 1024 * 1024;
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(3);
    private static final int QUEUE_CAPACITY = 10;

    private TestDatabase db;
    private EmbeddedServer server;
    private SimulatedFleet fleet;

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
        if (server != null) {
            server.getApplicationContext().close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aSlowDatabaseSlowsTheAcknowledgementsAndLosesNothing() throws Exception {
        // GIVEN the service with its default writer, and 40 devices with 10 messages in flight each
        start(Map.of());
        long heapBefore = usedHeapAfterGc();
        QueueWatch queue = QueueWatch.start(writerQueueDepth());

        // WHEN each device sends 20 intervals at full database speed
        fleet.release(PER_PHASE);
        assertThat(fleet.awaitAcknowledged(DEVICES * PER_PHASE, PHASE_TIMEOUT)).isTrue();
        double normal = median(fleet.drainLatenciesMs());

        // AND 20 more while every claimed message costs the database 30 ms more (about 65 messages/s in all)
        SlowDatabase.slowDown(db.dataSource(), Duration.ofMillis(30));
        fleet.release(PER_PHASE);
        assertThat(fleet.awaitAcknowledged(2L * DEVICES * PER_PHASE, PHASE_TIMEOUT)).isTrue();
        double slowed = median(fleet.drainLatenciesMs());

        // AND 20 more after the database recovered
        SlowDatabase.recover(db.dataSource());
        fleet.release(PER_PHASE);
        assertThat(fleet.awaitAcknowledged(3L * DEVICES * PER_PHASE, PHASE_TIMEOUT)).isTrue();
        queue.stop();
        System.out.printf("backpressure: PUBACK median %.1f ms at full speed, %.1f ms slowed; writer queue at most %d;"
                + " connections closed %d%n", normal, slowed, queue.max(), fleet.connectionsLost());

        // THEN the acknowledgements slowed down with the database
        assertThat(slowed).as("median PUBACK time slowed vs %.1f ms at full speed", normal).isGreaterThan(5 * normal);
        // AND the intake held no more than one message per device (the broker keeps the rest of each window, and the
        // devices their outboxes), without turning anyone away
        assertThat(queue.max()).isLessThanOrEqualTo(DEVICES);
        assertThat(fleet.connectionsLost()).isZero();
        // AND every interval is stored once
        assertEveryIntervalStoredOnce(3 * PER_PHASE);
        // AND the heap did not grow with the backlog
        assertThat(usedHeapAfterGc() - heapBefore).isLessThan(MAX_HEAP_GROWTH_BYTES);
    }

    @Test
    void aFullWriterQueueTurnsDevicesAwayAndTheyDeliverEverythingLater() throws Exception {
        // GIVEN a writer queue smaller than the fleet: the embedded broker hands the intake one message per device at
        // a time (its interceptor keeps each client's order), so 40 devices can have 40 messages waiting; room for 10
        start(Map.of("roadpulse.writer.queue-capacity", QUEUE_CAPACITY));
        QueueWatch queue = QueueWatch.start(writerQueueDepth());

        // WHEN the database is slow while every device sends 20 intervals
        SlowDatabase.slowDown(db.dataSource(), Duration.ofMillis(10));
        fleet.release(PER_PHASE);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (fleet.connectionsLost() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        SlowDatabase.recover(db.dataSource());

        // THEN devices were turned away (MQTT 3.1.1: connection closed, nothing acknowledged) ...
        assertThat(fleet.connectionsLost()).isPositive();
        // ... the queue stayed within its capacity, and after the recovery every interval is stored once
        assertThat(fleet.awaitAcknowledged(DEVICES * PER_PHASE, PHASE_TIMEOUT)).isTrue();
        queue.stop();
        assertThat(queue.max()).isLessThanOrEqualTo(QUEUE_CAPACITY);
        assertEveryIntervalStoredOnce(PER_PHASE);
    }

    private void start(Map<String, Object> settings) throws Exception {
        db = TestPostgres.freshDatabase();
        Map<String, Object> properties = new HashMap<>(db.serviceProperties(
                Files.createTempDirectory("roadpulse-backpressure")));
        properties.putAll(settings);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        DeviceRegistry registry = server.getApplicationContext().getBean(DeviceRegistry.class);
        Map<String, String> secrets = new LinkedHashMap<>();
        for (int d = 0; d < DEVICES; d++) {
            String device = "backpressure-" + d;
            secrets.put(device, registry.provision(device, "10045111", device, null).secret());
        }
        fleet = new SimulatedFleet(server.getApplicationContext().getBean(BrokerAddress.class).url(), secrets, WINDOW);
        fleet.connect();
    }

    private void assertEveryIntervalStoredOnce(int perDevice) {
        assertThat(db.number("SELECT count(*) FROM count_message")).isEqualTo((long) DEVICES * perDevice);
        assertThat(db.number("SELECT count(DISTINCT device_id) FROM count_message WHERE seq BETWEEN 1 AND ?",
                perDevice)).isEqualTo(DEVICES);
        assertThat(db.number("SELECT count(*) FROM count_message WHERE seq > ?", perDevice)).isZero();
        assertThat(db.number("SELECT count(*) FROM count_record"))
                .isEqualTo((long) DEVICES * perDevice * RECORDS_PER_MESSAGE);
    }

    private Gauge writerQueueDepth() {
        return server.getApplicationContext().getBean(MeterRegistry.class).get("roadpulse.writer.queue.depth").gauge();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The writer queue's depth, looked at every 10 ms; its maximum. */
    private record QueueWatch(ScheduledExecutorService timer, AtomicLong highest) {

        static QueueWatch start(Gauge depth) {
            QueueWatch watch = new QueueWatch(Executors.newSingleThreadScheduledExecutor(), new AtomicLong());
            watch.timer.scheduleAtFixedRate(() -> watch.highest.accumulateAndGet((long) depth.value(), Math::max),
                    0, 10, TimeUnit.MILLISECONDS);
            return watch;
        }

        void stop() {
            timer.shutdownNow();
        }

        long max() {
            return highest.get();
        }
    }
}
