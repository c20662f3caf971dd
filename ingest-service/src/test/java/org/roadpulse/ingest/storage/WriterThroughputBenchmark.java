package org.roadpulse.ingest.storage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.devices.PgDeviceRegistry;
import org.roadpulse.ingest.intake.AcceptedCounts;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestIntervals;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.protocol.CountInterval;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the writer (claim identities, COPY the new rows, one transaction per batch) with raw COPY of the same
 * rows in batches of the same size, on the same database. Prints rows per second for both and their ratio; the
 * target is a ratio of at least 0.5 with one writer thread. Run with
 * {@code mvn -o -pl ingest-service test -Droadpulse.excludedGroups=none -Dtest=WriterThroughputBenchmark}
 * (add {@code -DargLine=-Droadpulse.benchmark.writerThreads=2} for the service's default of two threads).
 */
@Tag("benchmark")
class WriterThroughputBenchmark {

    private static final int DEVICES = 200;
    private static final int MESSAGES = 100_000;
    private static final int BATCH = 1000;
    private static final int ROUNDS = 3;
    private static final int THREADS = Integer.getInteger("roadpulse.benchmark.writerThreads", 1);

    @Test
    void writerKeepsUpWithRawCopy() throws Exception {
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            PgDeviceRegistry registry = new PgDeviceRegistry(db.dataSource());
            for (int d = 0; d < DEVICES; d++) {
                registry.provision(device(d), "10045111", "Bench " + d, null);
            }
            MonthlyPartitions partitions = new MonthlyPartitions(db.dataSource(), Clock.systemUTC());
            List<AcceptedCounts> messages = messages(MESSAGES);
            partitions.ensure(messages.stream().map(m -> m.interval().start()).toList());
            long rows = messages.stream().mapToLong(m -> m.interval().lanes().size()).sum();
            BatchWriter writer = new BatchWriter(new PgCountStore(db.dataSource(), partitions),
                    new IngestSettings.Writer(BATCH, 10, MESSAGES, THREADS), new SimpleMeterRegistry());
            double bestCopy = Double.MAX_VALUE;
            double bestWriter = Double.MAX_VALUE;
            try {
                // Alternating rounds, best of each: the machine may be busy with other work now and then.
                for (int round = 0; round < ROUNDS; round++) {
                    empty(db);
                    bestCopy = Math.min(bestCopy, rawCopy(db, messages));
                    empty(db);
                    bestWriter = Math.min(bestWriter, write(writer, messages));
                    assertThat(db.number("SELECT count(*) FROM count_record")).isEqualTo(rows);
                }
            } finally {
                writer.close();
            }
            double copyRate = rows / bestCopy;
            double writerRate = rows / bestWriter;
            System.out.printf("%nWriter benchmark: %,d messages, %,d rows, batches of %d, %d writer thread(s),"
                    + " best of %d rounds%n", MESSAGES, rows, BATCH, THREADS, ROUNDS);
            System.out.printf("  raw COPY : %8.2f s  %,10.0f rows/s%n", bestCopy, copyRate);
            System.out.printf("  writer   : %8.2f s  %,10.0f rows/s  (%,.0f messages/s)%n", bestWriter,
                    writerRate, MESSAGES / bestWriter);
            System.out.printf("  ratio    : %.2f (target >= 0.50)%n%n", writerRate / copyRate);
        }
    }

    private static void empty(TestDatabase db) {
        db.execute("TRUNCATE count_record, count_message, device_activity");
        db.execute("CHECKPOINT");
    }

    private static double rawCopy(TestDatabase db, List<AcceptedCounts> messages) throws Exception {
        return RawCopy.copy(db.dataSource(), messages.stream().map(AcceptedCounts::interval).toList(), BATCH);
    }

    private static double write(BatchWriter writer, List<AcceptedCounts> messages) {
        long started = System.nanoTime();
        List<CompletableFuture<IntakeResult>> results = new ArrayList<>(messages.size());
        for (AcceptedCounts m : messages) {
            results.add(writer.write(m));
        }
        for (CompletableFuture<IntakeResult> result : results) {
            assertThat(result.join()).isInstanceOf(IntakeResult.Stored.class);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Each device's consecutive 5-minute intervals, devices interleaved as they would arrive. */
    private static List<AcceptedCounts> messages(int count) {
        Instant base = Instant.parse("2026-03-01T00:00:00Z");
        List<AcceptedCounts> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long seq = i / DEVICES;
            CountInterval interval = TestIntervals.interval(device(i % DEVICES), seq, base.plusSeconds(300 * seq));
            messages.add(new AcceptedCounts(interval, Transport.MQTT, Instant.now()));
        }
        return messages;
    }

    private static String device(int n) {
        return "bench-" + n;
    }
}
