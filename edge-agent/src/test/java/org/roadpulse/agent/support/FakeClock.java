package org.roadpulse.agent.support;

import org.roadpulse.agent.source.Pacer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told to, and a sleeper that moves it (recording each sleep) instead of waiting. */
public final class FakeClock extends Clock {

    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    public FakeClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    /** A sleeper that advances this clock by the time asked for. */
    public Pacer.Sleeper sleeper() {
        return duration -> {
            synchronized (this) {
                sleeps.add(duration);
                now = now.plus(duration);
            }
        };
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
