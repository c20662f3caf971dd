package org.roadpulse.agent.outbox;

/**
 * What an outbox holds.
 *
 * @param pending      intervals stored and not yet acknowledged
 * @param lastSeq      highest seq ever assigned (0 before the first)
 * @param oldestSeq    seq of the oldest pending interval, or 0 when none is pending
 * @param dropped      intervals dropped unacknowledged because the outbox was full, since it was created
 * @param skippedBytes bytes of damaged log skipped when it was last read
 */
public record OutboxState(long pending, long lastSeq, long oldestSeq, long dropped, long skippedBytes) {
}
