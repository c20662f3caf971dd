package org.roadpulse.agent.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * The agent's durable outbox: every interval is stored here, with the seq this outbox assigns, before it counts as
 * produced, and stays until the service has answered for it.
 *
 * <h2>Durability</h2>
 * One append-only log file ({@link OutboxLog} format) in the outbox folder. {@link #append} returns only after the
 * record is on disk ({@code fsync}), so an interval that was produced survives {@code kill -9} and power loss.
 * Acknowledgements are appended too but synced lazily (with the next append, compaction or close): a crash can
 * forget the last few, which costs a resend that the service recognises as a duplicate — never a loss.
 * A crash during a write leaves a torn tail; a damaged disk block leaves a bad record. Opening detects both by CRC,
 * keeps every valid record, logs a warning with what was skipped, and rewrites the log clean. It never fails on
 * damage.
 *
 * <h2>Seq</h2>
 * {@code seq} starts at 1 and rises by one per interval, across restarts: the highest seq is kept in the log (and in
 * the high-water record a compaction writes), never reused — except the seq of an append that the crash tore, which
 * was never returned and so never sent.
 *
 * <h2>Last interval</h2>
 * The payload of the newest interval ever appended stays readable through {@link #lastAppended()}, across restarts
 * and compactions (the high-water record carries a copy): the agent reads from it where its source must resume, so
 * a restarted replay neither sends an interval twice under a new seq nor leaves one out.
 *
 * <h2>Overflow policy: drop the oldest unacknowledged interval</h2>
 * The outbox holds at most {@code maxRecords} unacknowledged intervals. When an append finds it full, the oldest
 * pending interval is dropped (recorded in the log, counted in {@link #droppedCount()}, which survives restarts, and
 * logged as a warning with its seq), and the new interval is stored. Rationale: a device that has been offline long
 * enough to fill its outbox is more useful reporting the present than the distant past; the service sees a gap in
 * the seq numbers, so the loss is visible and never mistaken for zero traffic. Size the limit for the longest outage
 * to ride out: 10,000 intervals are a week at 1 minute, 104 days at 15 minutes.
 *
 * <h2>Compaction</h2>
 * Acknowledged intervals stay in the log until {@code compactAfter} of them have piled up (and at open, after damage);
 * then the log is rewritten with only the pending ones, written to a temporary file, synced and atomically renamed.
 *
 * <p>Pending payloads are kept in memory as well (bounded by {@code maxRecords}). Thread-safe. One process per folder
 * (a file lock enforces it).
 */
public final class Outbox implements AutoCloseable {

    public static final String LOG_FILE = OutboxFiles.LOG_FILE;
    public static final int DEFAULT_MAX_RECORDS = 10_000;
    public static final int DEFAULT_COMPACT_AFTER = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final Path dir;
    private final int maxRecords;
    private final int compactAfter;
    private final OutboxFiles files;
    private final TreeMap<Long, byte[]> pending = new TreeMap<>();
    private final long skippedBytes;
    private long lastSeq;
    private byte[] lastPayload;
    private long dropped;
    private long deadRecords;
    private boolean unsynced;
    private boolean closed;

    private Outbox(Path dir, int maxRecords, int compactAfter) throws IOException {
        if (maxRecords < 1 || compactAfter < 1) {
            throw new IllegalArgumentException("maxRecords and compactAfter must be positive");
        }
        this.dir = dir;
        this.maxRecords = maxRecords;
        this.compactAfter = compactAfter;
        this.files = OutboxFiles.lock(dir);
        try {
            OutboxLog.Scan scan = OutboxLog.scan(OutboxFiles.read(dir));
            Replayed log = Replayed.of(scan);
            pending.putAll(log.pending());
            lastSeq = log.lastSeq();
            lastPayload = log.lastPayload();
            dropped = log.dropped();
            deadRecords = log.deadRecords();
            this.skippedBytes = scan.skippedBytes();
            report(scan);
            if (!scan.damage().isEmpty() || deadRecords >= compactAfter) {
                compact();
            } else {
                files.openLog();
            }
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
    }

    /** Opens (or creates) the outbox in {@code dir}, recovering what a crash left. */
    public static Outbox open(Path dir, int maxRecords, int compactAfter) throws IOException {
        return new Outbox(dir, maxRecords, compactAfter);
    }

    public static Outbox open(Path dir) throws IOException {
        return open(dir, DEFAULT_MAX_RECORDS, DEFAULT_COMPACT_AFTER);
    }

    /** Reads an outbox's state without locking or changing it (it may be in use). */
    public static OutboxState inspect(Path dir) throws IOException {
        OutboxLog.Scan scan = OutboxLog.scan(OutboxFiles.read(dir));
        Replayed log = Replayed.of(scan);
        return new OutboxState(log.pending().size(), log.lastSeq(),
                log.pending().isEmpty() ? 0 : log.pending().firstKey(), log.dropped(), scan.skippedBytes());
    }

    /**
     * Stores a new interval durably and returns its seq.
     *
     * @param payloadForSeq encodes the interval with the seq it is given
     */
    public synchronized long append(LongFunction<byte[]> payloadForSeq) throws IOException {
        requireOpen();
        long seq = lastSeq + 1;
        byte[] payload = payloadForSeq.apply(seq);
        if (payload.length > OutboxLog.MAX_PAYLOAD) {
            throw new IllegalArgumentException("a payload of " + payload.length + " bytes is larger than the outbox "
                    + "keeps (" + OutboxLog.MAX_PAYLOAD + ")");
        }
        List<byte[]> records = new ArrayList<>(2);
        Long droppedSeq = null;
        if (pending.size() >= maxRecords) {
            droppedSeq = pending.firstKey();
            records.add(OutboxLog.encode(OutboxLog.DROP, droppedSeq, new byte[0]));
        }
        records.add(OutboxLog.encode(OutboxLog.INTERVAL, seq, payload));
        files.append(records, true);
        unsynced = false;
        if (droppedSeq != null) {
            pending.remove(droppedSeq);
            dropped++;
            deadRecords += 2;
            LOG.warn("outbox {} is full ({} intervals): dropped the oldest unacknowledged interval, seq {} "
                    + "({} dropped in all)", dir, maxRecords, droppedSeq, dropped);
        }
        pending.put(seq, payload);
        lastSeq = seq;
        lastPayload = payload;
        compactIfDue();
        return seq;
    }

    /**
     * Removes a pending interval after the service answered for it (stored, duplicate or rejected).
     *
     * @return false if it was not pending (already acknowledged or dropped)
     */
    public synchronized boolean ack(long seq) throws IOException {
        requireOpen();
        if (!pending.containsKey(seq)) {
            return false;
        }
        files.append(List.of(OutboxLog.encode(OutboxLog.ACK, seq, new byte[0])), false);
        unsynced = true;
        pending.remove(seq);
        deadRecords += 2;
        compactIfDue();
        return true;
    }

    /** All pending intervals, oldest first. */
    public synchronized List<OutboxRecord> pending() {
        return oldest(Integer.MAX_VALUE);
    }

    /** Up to {@code max} pending intervals, oldest first. */
    public synchronized List<OutboxRecord> oldest(int max) {
        List<OutboxRecord> records = new ArrayList<>(Math.min(max, pending.size()));
        for (Map.Entry<Long, byte[]> entry : pending.entrySet()) {
            if (records.size() >= max) {
                break;
            }
            records.add(new OutboxRecord(entry.getKey(), entry.getValue()));
        }
        return records;
    }

    /** The payload of the newest interval ever appended (acknowledged or not), or empty before the first. */
    public synchronized Optional<byte[]> lastAppended() {
        return Optional.ofNullable(lastPayload).map(byte[]::clone);
    }

    public synchronized int pendingCount() {
        return pending.size();
    }

    /** Highest seq ever assigned, 0 before the first interval. */
    public synchronized long lastSeq() {
        return lastSeq;
    }

    /** Intervals dropped by the overflow policy since the outbox was created. */
    public synchronized long droppedCount() {
        return dropped;
    }

    public synchronized OutboxState state() {
        return new OutboxState(pending.size(), lastSeq, pending.isEmpty() ? 0 : pending.firstKey(), dropped,
                skippedBytes);
    }

    public Path dir() {
        return dir;
    }

    /** Forces lazily written acknowledgements to disk. */
    public synchronized void sync() throws IOException {
        if (!closed && unsynced) {
            files.sync();
            unsynced = false;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            sync();
        } finally {
            closed = true;
            files.close();
        }
    }

    /** What the valid records of a log add up to. */
    private record Replayed(TreeMap<Long, byte[]> pending, long lastSeq, byte[] lastPayload, long dropped,
                            long deadRecords) {

        static Replayed of(OutboxLog.Scan scan) {
            TreeMap<Long, byte[]> pending = new TreeMap<>();
            long lastSeq = 0;
            long lastIntervalSeq = 0;
            byte[] lastPayload = null;
            long dropped = 0;
            long dead = 0;
            for (OutboxLog.Entry entry : scan.entries()) {
                switch (entry.type()) {
                    case OutboxLog.INTERVAL -> {
                        pending.put(entry.seq(), entry.payload());
                        if (entry.seq() >= lastIntervalSeq) {
                            lastIntervalSeq = entry.seq();
                            lastPayload = entry.payload();
                        }
                    }
                    case OutboxLog.ACK -> {
                        pending.remove(entry.seq());
                        dead += 2;
                    }
                    case OutboxLog.DROP -> {
                        pending.remove(entry.seq());
                        dropped++;
                        dead += 2;
                    }
                    case OutboxLog.HIGH_WATER -> {
                        dropped = OutboxLog.droppedOf(entry);
                        if (entry.seq() >= lastIntervalSeq) {
                            lastIntervalSeq = entry.seq();
                            lastPayload = OutboxLog.lastPayloadOf(entry);
                        }
                    }
                    default -> throw new IllegalStateException("unknown record type " + entry.type());
                }
                lastSeq = Math.max(lastSeq, entry.seq());
            }
            return new Replayed(pending, lastSeq, lastPayload, dropped, dead);
        }
    }

    private void report(OutboxLog.Scan scan) {
        for (OutboxLog.Damage damage : scan.damage()) {
            if (damage.atEnd()) {
                LOG.warn("outbox {}: the log ends in an incomplete or damaged record ({} bytes at offset {}), "
                        + "probably a write cut short by a crash; skipped", dir, damage.length(), damage.offset());
            } else {
                LOG.warn("outbox {}: {} damaged bytes at offset {} skipped; the valid records around them are kept",
                        dir, damage.length(), damage.offset());
            }
        }
        LOG.info("outbox {} opened: {} pending, last seq {}, {} dropped so far", dir, pending.size(), lastSeq, dropped);
    }

    private void compactIfDue() throws IOException {
        if (deadRecords >= compactAfter) {
            compact();
        }
    }

    /** Rewrites the log with only the pending intervals, atomically. */
    private void compact() throws IOException {
        List<byte[]> records = new ArrayList<>(pending.size() + 1);
        records.add(OutboxLog.encode(OutboxLog.HIGH_WATER, lastSeq, OutboxLog.highWaterPayload(dropped, lastPayload)));
        pending.forEach((seq, payload) -> records.add(OutboxLog.encode(OutboxLog.INTERVAL, seq, payload)));
        files.rewrite(records);
        deadRecords = 0;
        unsynced = false;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("outbox " + dir + " is closed");
        }
    }
}
