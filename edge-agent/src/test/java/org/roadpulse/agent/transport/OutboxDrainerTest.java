package org.roadpulse.agent.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.outbox.Outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxDrainerTest {

    @TempDir
    Path dir;

    private Outbox outbox;
    private OutboxDrainer drainer;

    @AfterEach
    void tearDown() throws IOException {
        if (drainer != null) {
            drainer.close();
        }
        if (outbox != null) {
            outbox.close();
        }
    }

    private void store(int intervals) throws IOException {
        for (int i = 0; i < intervals; i++) {
            outbox.append(seq -> ("interval " + seq).getBytes(StandardCharsets.UTF_8));
        }
    }

    private OutboxDrainer drainer(ScriptedPublisher publisher, int window, Runnable onConnected) {
        Backoff backoff = new Backoff(Duration.ofMillis(20), Duration.ofMillis(80), () -> 0.5);
        drainer = new OutboxDrainer("test", outbox, publisher, backoff, window, Duration.ofSeconds(5), onConnected);
        return drainer;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("condition not met within 10 s").isNegative();
            Thread.sleep(5);
        }
    }

    @Test
    void sendsOldestFirstAndRemovesWhatWasAcknowledged() throws Exception {
        // GIVEN five stored intervals and a service that acknowledges everything
        outbox = Outbox.open(dir);
        store(5);
        ScriptedPublisher publisher = new ScriptedPublisher();
        // WHEN the drainer runs
        drainer(publisher, 1, () -> { }).start();
        await(() -> outbox.pendingCount() == 0);
        // THEN they went out oldest first and the counters say so
        assertThat(publisher.published()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(drainer.counters()).isEqualTo(new DeliveryCounters.Snapshot(5, 5, 0, 0));
    }

    @Test
    void keepsAtMostTheWindowInFlight() throws Exception {
        // GIVEN ten intervals and a service that does not answer yet
        outbox = Outbox.open(dir);
        store(10);
        ScriptedPublisher publisher = new ScriptedPublisher();
        publisher.answer = seq -> null;
        drainer(publisher, 3, () -> { }).start();
        // WHEN the drainer has sent what it may
        await(() -> publisher.published().size() == 3);
        Thread.sleep(100);
        // THEN only the three oldest are in flight
        assertThat(publisher.published()).containsExactly(1L, 2L, 3L);
        // AND answering one lets the next one go
        publisher.open.get(1L).complete(Delivery.acked());
        await(() -> publisher.published().size() == 4);
        assertThat(publisher.published()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void dropsARejectedIntervalWithoutResendingIt() throws Exception {
        // GIVEN a service that refuses seq 2 for good
        outbox = Outbox.open(dir);
        store(3);
        ScriptedPublisher publisher = new ScriptedPublisher();
        publisher.answer = seq -> seq == 2 ? Delivery.rejected("4.00 count.implausible") : Delivery.acked();
        drainer(publisher, 1, () -> { }).start();
        // WHEN the outbox drains
        await(() -> outbox.pendingCount() == 0);
        // THEN seq 2 was sent once, counted as rejected, and is gone
        assertThat(publisher.published()).containsExactly(1L, 2L, 3L);
        assertThat(drainer.counters().rejected()).isEqualTo(1);
        assertThat(drainer.counters().acked()).isEqualTo(2);
    }

    @Test
    void keepsAnUnavailableAnswerAndSendsItAgainAfterABackoff() throws Exception {
        // GIVEN a service that is unavailable for the first two attempts at seq 1
        outbox = Outbox.open(dir);
        store(2);
        AtomicInteger attempts = new AtomicInteger();
        ScriptedPublisher publisher = new ScriptedPublisher();
        publisher.answer = seq -> seq == 1 && attempts.incrementAndGet() <= 2
                ? Delivery.retry("5.03 service unavailable") : Delivery.acked();
        drainer(publisher, 1, () -> { }).start();
        // WHEN the outbox drains
        await(() -> outbox.pendingCount() == 0);
        // THEN seq 1 was tried three times before seq 2 went, nothing was dropped
        assertThat(publisher.published()).containsExactly(1L, 1L, 1L, 2L);
        assertThat(drainer.counters()).isEqualTo(new DeliveryCounters.Snapshot(4, 2, 0, 2));
    }

    @Test
    void waitsAtLeastAsLongAsTheServiceAskedBeforeSendingAgain() throws Exception {
        // GIVEN a service that answers the first attempt "over your rate limit, come back in 1 s"
        outbox = Outbox.open(dir);
        store(1);
        List<Long> attemptNanos = new CopyOnWriteArrayList<>();
        ScriptedPublisher publisher = new ScriptedPublisher();
        publisher.answer = seq -> {
            attemptNanos.add(System.nanoTime());
            return attemptNanos.size() == 1 ? Delivery.retryAfter("4.29 rate.exceeded", 1) : Delivery.acked();
        };
        drainer(publisher, 1, () -> { }).start();
        // WHEN the outbox drains
        await(() -> outbox.pendingCount() == 0);
        // THEN the second attempt came no sooner than asked, though the backoff alone would have been 20-80 ms
        assertThat(attemptNanos).hasSize(2);
        assertThat(Duration.ofNanos(attemptNanos.get(1) - attemptNanos.get(0))).isGreaterThanOrEqualTo(
                Duration.ofSeconds(1));
    }

    @Test
    void reconnectsWithBackoffUntilTheServiceIsReachable() throws Exception {
        // GIVEN a service that refuses the first three connection attempts
        outbox = Outbox.open(dir);
        store(1);
        ScriptedPublisher publisher = new ScriptedPublisher();
        publisher.failConnects = 3;
        AtomicInteger connected = new AtomicInteger();
        long started = System.nanoTime();
        drainer(publisher, 1, connected::incrementAndGet).start();
        // WHEN the drainer gets through
        await(() -> outbox.pendingCount() == 0);
        // THEN it tried four times, waited the backoff between (15 + 30 + 60 ms with jitter 0.5), announced the
        // connection once, and delivered
        assertThat(publisher.connectAttempts.get()).isEqualTo(4);
        assertThat(connected.get()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(105));
    }

    @Test
    void resendsWhatWasInFlightWhenTheConnectionIsLost() throws Exception {
        // GIVEN two intervals in flight when the connection drops
        outbox = Outbox.open(dir);
        store(2);
        ScriptedPublisher publisher = new ScriptedPublisher();
        publisher.answer = seq -> null;
        drainer(publisher, 2, () -> { }).start();
        await(() -> publisher.published().size() == 2);
        publisher.answer = seq -> Delivery.acked();
        publisher.connected = false;
        publisher.open.values().forEach(answer -> answer.complete(Delivery.retry("connection lost")));
        // WHEN the drainer reconnects
        await(() -> outbox.pendingCount() == 0);
        // THEN both were sent again and acknowledged
        assertThat(publisher.published()).containsExactly(1L, 2L, 1L, 2L);
        assertThat(outbox.pending()).isEmpty();
    }

    @Test
    void leavesUnansweredIntervalsInTheOutboxWhenStopped() throws Exception {
        outbox = Outbox.open(dir);
        store(3);
        ScriptedPublisher publisher = new ScriptedPublisher();
        publisher.answer = seq -> null;
        drainer(publisher, 3, () -> { }).start();
        await(() -> publisher.published().size() == 3);
        drainer.stop(Duration.ofMillis(50));
        assertThat(outbox.pending()).extracting(r -> r.seq()).isEqualTo(List.of(1L, 2L, 3L));
    }
}
