package org.roadpulse.ingest.testdoubles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.roadpulse.ingest.intake.CountIntake;
import org.roadpulse.ingest.intake.InboundCounts;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.Rejection;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A count intake that records every submission and answers as told: by default "stored" at once (with the payload's
 * {@code seq}), or with queued answers, or not at all until the test completes the held-back future.
 */
public final class RecordingCountIntake implements CountIntake {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call of {@link #submit}: what came in and the future the transport waits on. */
    public record Submission(InboundCounts counts, CompletableFuture<IntakeResult> answer) {

        public String payloadText() {
            return new String(counts.payload(), java.nio.charset.StandardCharsets.UTF_8);
        }

        /** Completes a held-back answer with "stored". */
        public void store() {
            answer.complete(stored(counts));
        }
    }

    private final BlockingQueue<Submission> submissions = new LinkedBlockingQueue<>();
    private final Deque<IntakeResult> queuedAnswers = new ArrayDeque<>();
    private boolean holdBack;

    @Override
    public synchronized CompletableFuture<IntakeResult> submit(InboundCounts counts) {
        CompletableFuture<IntakeResult> answer = new CompletableFuture<>();
        if (!queuedAnswers.isEmpty()) {
            answer.complete(queuedAnswers.removeFirst());
        } else if (!holdBack) {
            answer.complete(stored(counts));
        }
        submissions.add(new Submission(counts, answer)); // after answering, so a test sees the answer with it
        return answer;
    }

    /** The next answers, in order; afterwards "stored" again. */
    public synchronized void answerNext(IntakeResult... answers) {
        queuedAnswers.addAll(java.util.List.of(answers));
    }

    /** From now on, answers only when the test completes {@link Submission#answer()}. */
    public synchronized void holdBackAnswers() {
        holdBack = true;
    }

    public synchronized void answerAtOnce() {
        holdBack = false;
    }

    /** The next submission, or an AssertionError when none comes in time. */
    public Submission next(Duration timeout) throws InterruptedException {
        Submission submission = submissions.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (submission == null) {
            throw new AssertionError("no submission reached the intake within " + timeout);
        }
        return submission;
    }

    /** The next submission of one device (others are skipped), or an AssertionError when none comes in time. */
    public Submission next(String deviceId, Duration timeout) throws InterruptedException {
        Submission submission = poll(deviceId, timeout);
        if (submission == null) {
            throw new AssertionError("no submission of " + deviceId + " reached the intake within " + timeout);
        }
        return submission;
    }

    /** The next submission of one device (others are skipped) if one comes within the time, else null. */
    public Submission poll(String deviceId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Submission submission = left <= 0 ? null : submissions.poll(left, TimeUnit.NANOSECONDS);
            if (submission == null || submission.counts().authenticatedDevice().equals(deviceId)) {
                return submission;
            }
        }
    }

    /** The next submission if one comes within the time, else null. */
    public Submission poll(Duration timeout) throws InterruptedException {
        return submissions.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static IntakeResult rejected(String reason, String field) {
        return new IntakeResult.Rejected(Rejection.of(reason, field, "refused by the test"));
    }

    public static IntakeResult unavailable() {
        return new IntakeResult.Unavailable("database down (test)");
    }

    static IntakeResult stored(InboundCounts counts) {
        return new IntakeResult.Stored(counts.authenticatedDevice(), seqOf(counts), false);
    }

    private static long seqOf(InboundCounts counts) {
        if (counts.encoding() != Encoding.JSON) {
            return -1;
        }
        try {
            JsonNode root = JSON.readTree(counts.payload());
            return root == null ? -1 : root.path("seq").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
