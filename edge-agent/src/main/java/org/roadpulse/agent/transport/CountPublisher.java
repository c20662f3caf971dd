package org.roadpulse.agent.transport;

import org.roadpulse.agent.outbox.OutboxRecord;
import org.roadpulse.protocol.StatusReport;

import java.util.concurrent.CompletableFuture;

/**
 * Sends what the agent produces to the platform over one transport. It knows nothing of the outbox's rules: which
 * record to send when, and what to do with the answer, is the {@link OutboxDrainer}'s job.
 */
public interface CountPublisher extends AutoCloseable {

    /** Connects (or for a connectionless transport, checks the service is reachable); blocks up to its timeout. */
    void connect() throws TransportException;

    /** Whether it is worth sending: false after a lost connection, until {@link #connect()} succeeds again. */
    boolean connected();

    /** Sends one interval; the future completes with the service's answer, never exceptionally. */
    CompletableFuture<Delivery> publish(OutboxRecord record);

    /**
     * Sends a heartbeat, best effort: a lost heartbeat is replaced by the next one. The future completes when it
     * was delivered or given up, never exceptionally.
     */
    CompletableFuture<Void> publishStatus(StatusReport status);

    /** Disconnects in an orderly way (after in-flight messages were answered, where the transport can wait). */
    @Override
    void close();

    /** Stops at once without any goodbye on the wire, as a power cut would (the broker then sends the last will). */
    void halt();
}
