package org.roadpulse.ingest.intake;

/**
 * Keeps refused payloads. {@link #keep} never blocks and never fails the caller: dead letters are written off the
 * hot path, and when they cannot keep up they are dropped (and counted) rather than slowing good messages.
 */
public interface DeadLetterSink {

    void keep(DeadLetter letter);
}
