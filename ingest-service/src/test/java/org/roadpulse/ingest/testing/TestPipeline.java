package org.roadpulse.ingest.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.devices.PgDeviceRegistry;
import org.roadpulse.ingest.intake.DefaultCountIntake;
import org.roadpulse.ingest.intake.InboundCounts;
import org.roadpulse.ingest.intake.IntakeMetrics;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.ingest.storage.BatchWriter;
import org.roadpulse.ingest.storage.MonthlyPartitions;
import org.roadpulse.ingest.storage.PgCountStore;
import org.roadpulse.ingest.storage.PgDeadLetterStore;
import org.roadpulse.protocol.Encoding;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The whole intake as the service wires it, on a fresh database, without Micronaut: registry, intake, batch writer,
 * dead letters and metrics, with a fixed clock.
 */
public final class TestPipeline implements AutoCloseable {

    public final TestDatabase db;
    public final PgDeviceRegistry devices;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final DefaultCountIntake intake;
    private final BatchWriter writer;
    private final PgDeadLetterStore deadLetters;

    /** @param batchWindowMs how long the writer waits to fill a batch */
    public TestPipeline(Clock clock, int batchWindowMs) {
        db = TestPostgres.freshDatabase();
        try {
            devices = new PgDeviceRegistry(db.dataSource());
            PgCountStore store = new PgCountStore(db.dataSource(), new MonthlyPartitions(db.dataSource(), clock));
            writer = new BatchWriter(store, new IngestSettings.Writer(100, batchWindowMs, 1000), meters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        deadLetters = new PgDeadLetterStore(db.dataSource(), meters);
        intake = new DefaultCountIntake(clock, devices, writer, deadLetters, new IntakeMetrics(meters));
    }

    public CompletableFuture<IntakeResult> submit(String sender, byte[] payload, Encoding encoding) {
        return intake.submit(new InboundCounts(Transport.MQTT, sender, payload, encoding, TestIntervals.NOW));
    }

    public IntakeResult send(String sender, byte[] payload, Encoding encoding) {
        try {
            return submit(sender, payload, encoding).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no intake result", e);
        }
    }

    public void register(String device) {
        devices.provision(device, "10044113", "Nalbach – " + device, null);
    }

    /** Waits up to five seconds for something written off the hot path (dead letters) to show. */
    public static void eventually(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 5 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        writer.close();
        deadLetters.close();
        db.close();
    }
}
