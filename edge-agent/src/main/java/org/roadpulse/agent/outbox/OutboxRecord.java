package org.roadpulse.agent.outbox;

import java.util.Arrays;

/** One stored interval: its seq and the encoded payload that goes on the wire as it is. */
public record OutboxRecord(long seq, byte[] payload) {

    public OutboxRecord {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxRecord other && seq == other.seq && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "OutboxRecord[seq=" + seq + ", " + payload.length + " bytes]";
    }
}
