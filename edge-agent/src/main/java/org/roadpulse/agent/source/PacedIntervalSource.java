package org.roadpulse.agent.source;

import java.io.IOException;
import java.util.Optional;

/** Releases the intervals of a source of ready counts when they end, in paced time (see {@link Pacer}). */
public final class PacedIntervalSource implements IntervalSource {

    private final IntervalSource intervals;
    private final Pacer pacer;

    public PacedIntervalSource(IntervalSource intervals, Pacer pacer) {
        this.intervals = intervals;
        this.pacer = pacer;
    }

    @Override
    public Optional<MeasuredInterval> next() throws IOException, InterruptedException {
        Optional<MeasuredInterval> next = intervals.next();
        if (next.isPresent()) {
            pacer.wallTarget(next.get().start());
            pacer.awaitEventTime(next.get().end());
        }
        return next;
    }

    @Override
    public boolean changeIntervalLength(int seconds) {
        return intervals.changeIntervalLength(seconds);
    }

    @Override
    public void close() throws IOException {
        intervals.close();
    }
}
