package org.roadpulse.agent;

/**
 * An agent's figures since it started (pending, last seq and dropped are the outbox's, across restarts).
 *
 * @param produced  intervals stored in the outbox
 * @param sent      publish attempts, resends included
 * @param acked     intervals the service stored (or recognised as already stored)
 * @param rejected  intervals the service refused for good, dropped from the outbox
 * @param retried   attempts without a positive or refusing answer, sent again later
 * @param dropped   intervals dropped unacknowledged by the outbox's overflow policy
 * @param pending   intervals waiting in the outbox
 * @param lastSeq   highest seq produced
 * @param skipped   intervals of a restarted replay that the outbox had taken before the restart, passed over
 */
public record AgentCounters(long produced, long sent, long acked, long rejected, long retried, long dropped,
                            long pending, long lastSeq, long skipped) {
}
