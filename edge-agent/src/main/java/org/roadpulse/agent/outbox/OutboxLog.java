package org.roadpulse.agent.outbox;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The outbox's file format: a sequence of self-checking records, each
 * {@code magic(1) type(1) seq(8) length(4) payload(length) crc32c(4)}, big-endian, the CRC over everything before it.
 *
 * <p>Record types: {@code I} an interval (payload = the encoded message), {@code A} its acknowledgement,
 * {@code D} its drop on overflow, {@code H} the high-water mark written first by a compaction (seq = last seq,
 * payload = 8 bytes of dropped total, then a copy of the newest interval's payload if there was one), so that seq,
 * counters and the resume point survive even when no interval is left.
 *
 * <p>Reading never fails: a record whose CRC does not match, or that the file ends inside of, is damage. The reader
 * skips it and looks for the next record that checks out; damage at the end (a write torn by a crash) is simply
 * where the log ends.
 */
final class OutboxLog {

    static final byte MAGIC = (byte) 0xB5;
    static final byte INTERVAL = 'I';
    static final byte ACK = 'A';
    static final byte DROP = 'D';
    static final byte HIGH_WATER = 'H';
    static final int OVERHEAD = 1 + 1 + 8 + 4 + 4;
    /** Bigger than any payload the contract allows, small enough that a damaged length cannot pass for real. */
    static final int MAX_PAYLOAD = 1 << 20;

    private OutboxLog() {
    }

    record Entry(byte type, long seq, byte[] payload) {
    }

    /** A stretch of the file that held no valid record. */
    record Damage(long offset, long length, boolean atEnd) {
    }

    record Scan(List<Entry> entries, List<Damage> damage) {

        long skippedBytes() {
            return damage.stream().mapToLong(Damage::length).sum();
        }
    }

    static byte[] encode(byte type, long seq, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(OVERHEAD + payload.length);
        buffer.put(MAGIC).put(type).putLong(seq).putInt(payload.length).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        return buffer.array();
    }

    static byte[] highWaterPayload(long dropped, byte[] lastPayload) {
        byte[] last = lastPayload == null ? new byte[0] : lastPayload;
        return ByteBuffer.allocate(8 + last.length).putLong(dropped).put(last).array();
    }

    static long droppedOf(Entry highWater) {
        return highWater.payload().length >= 8 ? ByteBuffer.wrap(highWater.payload()).getLong() : 0;
    }

    /** The newest interval's payload a high-water record carries, or null. */
    static byte[] lastPayloadOf(Entry highWater) {
        byte[] payload = highWater.payload();
        return payload.length > 8 ? java.util.Arrays.copyOfRange(payload, 8, payload.length) : null;
    }

    static Scan scan(byte[] log) {
        List<Entry> entries = new ArrayList<>();
        List<Damage> damage = new ArrayList<>();
        int position = 0;
        while (position < log.length) {
            Entry entry = readAt(log, position);
            if (entry != null) {
                entries.add(entry);
                position += OVERHEAD + entry.payload().length;
                continue;
            }
            int resume = position + 1;
            while (resume < log.length && readAt(log, resume) == null) {
                resume++;
            }
            damage.add(new Damage(position, resume - position, resume >= log.length));
            position = resume;
        }
        return new Scan(entries, damage);
    }

    /** The record at {@code offset}, or null if none that checks out starts there. */
    private static Entry readAt(byte[] log, int offset) {
        if (log.length - offset < OVERHEAD || log[offset] != MAGIC) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(log, offset, log.length - offset);
        buffer.get();
        byte type = buffer.get();
        if (type != INTERVAL && type != ACK && type != DROP && type != HIGH_WATER) {
            return null;
        }
        long seq = buffer.getLong();
        int length = buffer.getInt();
        if (length < 0 || length > MAX_PAYLOAD || length > log.length - offset - OVERHEAD) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(log, offset, OVERHEAD - 4 + length);
        int stored = ByteBuffer.wrap(log, offset + OVERHEAD - 4 + length, 4).getInt();
        if (stored != (int) crc.getValue()) {
            return null;
        }
        byte[] payload = new byte[length];
        System.arraycopy(log, offset + OVERHEAD - 4, payload, 0, length);
        return new Entry(type, seq, payload);
    }
}
