package org.roadpulse.ingest.storage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.intake.AcceptedCounts;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.ingest.testing.TestIntervals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer's batching, deduplication and backpressure, against stand-in stores (no database). */
class BatchWriterTest {

    private BatchWriter writer;

    @AfterEach
    void closeWriter() {
        if (writer != null) {
            writer.close();
        }
    }

    @Test
    void copiesOfOneMessageInOneBatchAreStoredOnceAndAllAnswered() throws Exception {
        // GIVEN a writer that waits long enough to put everything below into one batch
        RecordingStore store = new RecordingStore();
        writer = new BatchWriter(store, new IngestSettings.Writer(10, 300, 100), new SimpleMeterRegistry());

        // WHEN the same (device, seq) arrives twice, next to another message
        CompletableFuture<IntakeResult> first = writer.write(accepted("dev-a", 7));
        CompletableFuture<IntakeResult> copy = writer.write(accepted("dev-a", 7));
        CompletableFuture<IntakeResult> other = writer.write(accepted("dev-a", 8));

        // THEN the store sees it once, the first copy is stored and the second is a duplicate
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(new IntakeResult.Stored("dev-a", 7, false));
        assertThat(copy.get(5, TimeUnit.SECONDS)).isEqualTo(new IntakeResult.Stored("dev-a", 7, true));
        assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo(new IntakeResult.Stored("dev-a", 8, false));
        assertThat(store.batches).hasSize(1);
        assertThat(store.batches.get(0)).hasSize(2);
    }

    @Test
    void fullQueueAnswersUnavailableAtOnce() throws Exception {
        // GIVEN a writer with room for one waiting message, busy with a batch the database is slow to take
        BlockingStore store = new BlockingStore();
        writer = new BatchWriter(store, new IngestSettings.Writer(1, 0, 1), new SimpleMeterRegistry());
        CompletableFuture<IntakeResult> inProgress = writer.write(accepted("dev-a", 1));
        assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<IntakeResult> waiting = writer.write(accepted("dev-a", 2));

        // WHEN one more message arrives
        CompletableFuture<IntakeResult> refused = writer.write(accepted("dev-a", 3));

        // THEN it is answered unavailable without waiting, and the others are stored once the database is back
        assertThat(refused).isCompleted();
        assertThat(refused.get()).isInstanceOf(IntakeResult.Unavailable.class);
        store.release.countDown();
        assertThat(inProgress.get(5, TimeUnit.SECONDS)).isInstanceOf(IntakeResult.Stored.class);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(IntakeResult.Stored.class);
    }

    @Test
    void batchTheDatabaseRefusesIsAnsweredUnavailableAndTheWriterGoesOn() throws Exception {
        // GIVEN a database that fails once
        FailingOnceStore store = new FailingOnceStore();
        writer = new BatchWriter(store, new IngestSettings.Writer(10, 0, 100), new SimpleMeterRegistry());

        // WHEN a message arrives during the failure, and is sent again afterwards
        IntakeResult duringFailure = writer.write(accepted("dev-a", 1)).get(5, TimeUnit.SECONDS);
        IntakeResult retried = writer.write(accepted("dev-a", 1)).get(5, TimeUnit.SECONDS);

        // THEN the device is told to retry, and the retry is stored
        assertThat(duringFailure).isInstanceOf(IntakeResult.Unavailable.class);
        assertThat(retried).isEqualTo(new IntakeResult.Stored("dev-a", 1, false));
    }

    @Test
    void closingAnswersEveryMessageAndRefusesNewOnes() throws Exception {
        // GIVEN a writer with messages in flight
        RecordingStore store = new RecordingStore();
        writer = new BatchWriter(store, new IngestSettings.Writer(5, 50, 100), new SimpleMeterRegistry());
        List<CompletableFuture<IntakeResult>> results = new ArrayList<>();
        for (int seq = 0; seq < 20; seq++) {
            results.add(writer.write(accepted("dev-a", seq)));
        }

        // WHEN it is closed
        writer.close();

        // THEN every message has its answer, and later ones are refused
        assertThat(results).allSatisfy(r -> assertThat(r).isCompleted());
        assertThat(writer.write(accepted("dev-a", 99)).get()).isInstanceOf(IntakeResult.Unavailable.class);
    }

    private static AcceptedCounts accepted(String device, long seq) {
        return new AcceptedCounts(TestIntervals.recent(device, seq, TestIntervals.NOW), Transport.MQTT,
                TestIntervals.NOW);
    }

    /** Stores everything, remembering each batch; every key it has not seen before is new. */
    private static class RecordingStore implements CountStore {
        final List<List<AcceptedCounts>> batches = new ArrayList<>();
        private final Set<MessageKey> seen = new HashSet<>();

        @Override
        public synchronized Set<MessageKey> store(List<AcceptedCounts> messages) throws StorageException {
            batches.add(List.copyOf(messages));
            Set<MessageKey> fresh = new HashSet<>();
            for (AcceptedCounts m : messages) {
                MessageKey key = new MessageKey(m.interval().deviceId(), m.interval().seq());
                if (seen.add(key)) {
                    fresh.add(key);
                }
            }
            return fresh;
        }
    }

    private static final class BlockingStore extends RecordingStore {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Set<MessageKey> store(List<AcceptedCounts> messages) throws StorageException {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.store(messages);
        }
    }

    private static final class FailingOnceStore extends RecordingStore {
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public Set<MessageKey> store(List<AcceptedCounts> messages) throws StorageException {
            if (calls.getAndIncrement() == 0) {
                throw new StorageException("connection refused", null);
            }
            return super.store(messages);
        }
    }
}
