package org.roadpulse.agent.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Time compression: lets event time run {@code speed} times faster than the wall clock, so that a replay at speed 60
 * delivers one hour of data per minute. Timestamps stay the data's own; only the waiting is scaled.
 *
 * <p>Two rules: event time is anchored to the wall clock at the first event; and nothing is released before it has
 * happened in real time, so a simulation that starts in the past catches up at {@code speed} and then runs live.
 * Speed 0 means as fast as possible (still never ahead of real time).
 */
public final class Pacer {

    /** How the pacer waits; tests pass one that advances a fake clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final double speed;
    private Instant eventAnchor;
    private Instant wallAnchor;

    public Pacer(Clock clock, Sleeper sleeper, double speed) {
        if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be 0 (as fast as possible) or positive, not " + speed);
        }
        this.clock = clock;
        this.sleeper = sleeper;
        this.speed = speed;
    }

    public static Pacer of(Clock clock, double speed) {
        return new Pacer(clock, duration -> Thread.sleep(Math.max(1, duration.toMillis())), speed);
    }

    /** Ties the given event time to the wall clock's now; later event times are paced from here. */
    public synchronized void anchor(Instant eventTime) {
        eventAnchor = eventTime;
        wallAnchor = clock.instant();
    }

    /** Waits until the event at {@code eventTime} is due on the wall clock. */
    public void awaitEventTime(Instant eventTime) throws InterruptedException {
        Instant target = wallTarget(eventTime);
        for (Instant now = clock.instant(); now.isBefore(target); now = clock.instant()) {
            sleeper.sleep(Duration.between(now, target));
        }
    }

    /** The wall-clock instant at which the event is due. */
    public synchronized Instant wallTarget(Instant eventTime) {
        if (eventAnchor == null) {
            anchor(eventTime);
        }
        Instant paced = wallAnchor;
        if (speed > 0) {
            long eventNanos = Duration.between(eventAnchor, eventTime).toNanos();
            paced = wallAnchor.plusNanos((long) (eventNanos / speed));
        }
        return paced.isAfter(eventTime) ? paced : eventTime;
    }

    public double speed() {
        return speed;
    }
}
