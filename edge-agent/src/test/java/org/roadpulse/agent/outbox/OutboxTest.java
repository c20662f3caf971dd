package org.roadpulse.agent.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxTest {

    @TempDir
    Path dir;

    private static byte[] payload(long seq) {
        return ("interval " + seq).getBytes(StandardCharsets.UTF_8);
    }

    private static long append(Outbox outbox) throws IOException {
        return outbox.append(OutboxTest::payload);
    }

    private static List<Long> pendingSeqs(Outbox outbox) {
        return outbox.pending().stream().map(OutboxRecord::seq).toList();
    }

    /** What a crash leaves: the folder's files as they are on disk at this moment, opened elsewhere. */
    private Path crashCopy(Path source) throws IOException {
        Path copy = Files.createDirectories(source.resolveSibling(source.getFileName() + "-after-crash"));
        Files.copy(source.resolve(Outbox.LOG_FILE), copy.resolve(Outbox.LOG_FILE));
        return copy;
    }

    @Test
    void assignsSeqFromOneAndKeepsIntervalsOldestFirstUntilAcknowledged() throws IOException {
        try (Outbox outbox = Outbox.open(dir)) {
            // GIVEN three stored intervals
            assertThat(append(outbox)).isEqualTo(1);
            assertThat(append(outbox)).isEqualTo(2);
            assertThat(append(outbox)).isEqualTo(3);
            // WHEN the middle one is acknowledged
            assertThat(outbox.ack(2)).isTrue();
            // THEN the others are pending oldest first, with the payload encoded for their own seq
            assertThat(pendingSeqs(outbox)).containsExactly(1L, 3L);
            assertThat(outbox.pending().get(1).payload()).isEqualTo(payload(3));
            assertThat(outbox.oldest(1)).extracting(OutboxRecord::seq).containsExactly(1L);
            // AND acknowledging again, or something never stored, changes nothing
            assertThat(outbox.ack(2)).isFalse();
            assertThat(outbox.ack(99)).isFalse();
        }
    }

    @Test
    void survivesAReopenWithoutClose() throws IOException {
        // GIVEN an outbox with 5 intervals, 2 acknowledged, that is never closed (the process dies)
        Path crashed;
        try (Outbox outbox = Outbox.open(dir)) {
            for (int i = 0; i < 5; i++) {
                append(outbox);
            }
            outbox.ack(1);
            outbox.ack(4);
            crashed = crashCopy(dir);
        }
        // WHEN its files are opened as they were at that moment
        try (Outbox reopened = Outbox.open(crashed)) {
            // THEN everything stored is there, acknowledgements included, and seq goes on
            assertThat(pendingSeqs(reopened)).containsExactly(2L, 3L, 5L);
            assertThat(reopened.lastSeq()).isEqualTo(5);
            assertThat(append(reopened)).isEqualTo(6);
        }
    }

    @Test
    void recoversFromATruncatedTailKeepingEveryCompleteRecord() throws IOException {
        // GIVEN an outbox whose last write was cut short by a crash
        try (Outbox outbox = Outbox.open(dir)) {
            for (int i = 0; i < 4; i++) {
                append(outbox);
            }
        }
        Path log = dir.resolve(Outbox.LOG_FILE);
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.setLength(file.length() - 5);
        }
        // WHEN it is opened
        try (Outbox outbox = Outbox.open(dir)) {
            // THEN the three complete intervals are kept, the torn one is gone, and its seq is reused (it was never
            // returned, so never sent)
            assertThat(pendingSeqs(outbox)).containsExactly(1L, 2L, 3L);
            assertThat(append(outbox)).isEqualTo(4);
        }
        // AND the log was repaired: it reads clean afterwards
        assertThat(Outbox.inspect(dir).skippedBytes()).isZero();
        assertThat(Outbox.inspect(dir).pending()).isEqualTo(4);
    }

    @Test
    void recoversFromACorruptedTail() throws IOException {
        // GIVEN an outbox whose last record has garbage over its payload, plus trailing junk
        try (Outbox outbox = Outbox.open(dir)) {
            for (int i = 0; i < 3; i++) {
                append(outbox);
            }
        }
        Path log = dir.resolve(Outbox.LOG_FILE);
        long size = Files.size(log);
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.seek(size - 8);
            file.write(new byte[]{1, 2, 3, 4});
            file.seek(size);
            file.write("junk".getBytes(StandardCharsets.UTF_8));
        }
        // WHEN it is opened
        try (Outbox outbox = Outbox.open(dir)) {
            // THEN the valid records are kept and the damaged one skipped, without an exception
            assertThat(pendingSeqs(outbox)).containsExactly(1L, 2L);
            assertThat(outbox.state().skippedBytes()).isPositive();
        }
    }

    @Test
    void keepsTheValidRecordsAfterADamagedOneInTheMiddle() throws IOException {
        // GIVEN five intervals, the second of which got a flipped bit on disk
        try (Outbox outbox = Outbox.open(dir)) {
            for (int i = 0; i < 5; i++) {
                append(outbox);
            }
        }
        Path log = dir.resolve(Outbox.LOG_FILE);
        int recordSize = OutboxLog.OVERHEAD + payload(1).length;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.seek(recordSize + 16);
            int b = file.read();
            file.seek(recordSize + 16);
            file.write(b ^ 0x10);
        }
        // WHEN it is opened
        try (Outbox outbox = Outbox.open(dir)) {
            // THEN only the damaged interval is lost; seq continues after the highest one
            assertThat(pendingSeqs(outbox)).containsExactly(1L, 3L, 4L, 5L);
            assertThat(append(outbox)).isEqualTo(6);
        }
    }

    @Test
    void seqKeepsRisingAcrossRestartsEvenWhenEverythingWasAcknowledgedAndCompacted() throws IOException {
        // GIVEN an outbox that compacts after every 2 dead records, with everything acknowledged
        try (Outbox outbox = Outbox.open(dir, 100, 2)) {
            for (int i = 0; i < 7; i++) {
                outbox.ack(append(outbox));
            }
            assertThat(outbox.pendingCount()).isZero();
        }
        // WHEN it is reopened twice
        try (Outbox outbox = Outbox.open(dir, 100, 2)) {
            assertThat(append(outbox)).isEqualTo(8);
        }
        try (Outbox outbox = Outbox.open(dir, 100, 2)) {
            // THEN seq still continues: it was kept in the high-water record
            assertThat(outbox.lastSeq()).isEqualTo(8);
            assertThat(append(outbox)).isEqualTo(9);
        }
    }

    @Test
    void whenFullDropsTheOldestUnacknowledgedIntervalAndCountsIt() throws IOException {
        // GIVEN an outbox limited to 3 intervals, holding 1, 2, 3
        try (Outbox outbox = Outbox.open(dir, 3, 1000)) {
            for (int i = 0; i < 3; i++) {
                append(outbox);
            }
            // WHEN two more arrive while nothing is acknowledged
            append(outbox);
            append(outbox);
            // THEN the two oldest are dropped and counted, the newest kept
            assertThat(pendingSeqs(outbox)).containsExactly(3L, 4L, 5L);
            assertThat(outbox.droppedCount()).isEqualTo(2);
        }
        // AND the count survives a restart and a compaction
        try (Outbox outbox = Outbox.open(dir, 3, 1)) {
            assertThat(outbox.droppedCount()).isEqualTo(2);
            outbox.ack(3);
        }
        try (Outbox outbox = Outbox.open(dir, 3, 1)) {
            assertThat(outbox.droppedCount()).isEqualTo(2);
            assertThat(pendingSeqs(outbox)).containsExactly(4L, 5L);
        }
    }

    @Test
    void compactionRemovesAcknowledgedRecordsFromTheFile() throws IOException {
        // GIVEN 100 intervals of which 90 are acknowledged, compaction after 50 dead records
        try (Outbox outbox = Outbox.open(dir, 1000, 50)) {
            for (int i = 0; i < 100; i++) {
                append(outbox);
            }
            long full = Files.size(dir.resolve(Outbox.LOG_FILE));
            for (long seq = 1; seq <= 90; seq++) {
                outbox.ack(seq);
            }
            // THEN the file holds far less than all 100 intervals, and the pending ones are intact
            assertThat(Files.size(dir.resolve(Outbox.LOG_FILE))).isLessThan(full / 2);
            assertThat(pendingSeqs(outbox)).hasSize(10).startsWith(91L);
        }
        try (Outbox outbox = Outbox.open(dir, 1000, 50)) {
            assertThat(pendingSeqs(outbox)).hasSize(10).startsWith(91L).endsWith(100L);
            assertThat(outbox.lastSeq()).isEqualTo(100);
        }
    }

    @Test
    void remembersTheNewestIntervalAcrossAcknowledgementCompactionAndReopen() throws IOException {
        // GIVEN an empty outbox: nothing to resume from
        try (Outbox outbox = Outbox.open(dir, 1000, 2)) {
            assertThat(outbox.lastAppended()).isEmpty();
            // WHEN three intervals are stored and all acknowledged, so that compaction leaves no interval record
            for (int i = 0; i < 3; i++) {
                append(outbox);
            }
            for (long seq = 1; seq <= 3; seq++) {
                outbox.ack(seq);
            }
            assertThat(outbox.pendingCount()).isZero();
            // THEN the newest payload is still known
            assertThat(outbox.lastAppended()).contains(payload(3));
        }
        // AND after a reopen too
        try (Outbox outbox = Outbox.open(dir, 1000, 2)) {
            assertThat(outbox.lastAppended()).contains(payload(3));
            append(outbox);
            assertThat(outbox.lastAppended()).contains(payload(4));
        }
    }

    @Test
    void refusesASecondWriterForTheSameFolder() throws IOException {
        try (Outbox outbox = Outbox.open(dir)) {
            append(outbox);
            assertThatThrownBy(() -> Outbox.open(dir)).isInstanceOf(OutboxLockedException.class);
            // AND inspecting it while in use is fine
            assertThat(Outbox.inspect(dir).pending()).isEqualTo(1);
        }
    }

    @Test
    void inspectReportsStateWithoutChangingTheFolder() throws IOException {
        try (Outbox outbox = Outbox.open(dir, 2, 1000)) {
            append(outbox);
            append(outbox);
            append(outbox);
            outbox.ack(2);
        }
        byte[] before = Files.readAllBytes(dir.resolve(Outbox.LOG_FILE));
        OutboxState state = Outbox.inspect(dir);
        assertThat(state).isEqualTo(new OutboxState(1, 3, 3, 1, 0));
        assertThat(Files.readAllBytes(dir.resolve(Outbox.LOG_FILE))).isEqualTo(before);
    }
}
