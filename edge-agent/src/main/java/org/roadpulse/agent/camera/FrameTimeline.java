package org.roadpulse.agent.camera;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a frame was taken. A recorded file keeps its own timeline: frame n is {@code start + n / fps}, however fast
 * it is read. A live stream's timestamps are relative (they start anywhere, and again after a reconnect), so a live
 * frame's time is the wall clock at the first frame of the connection plus the stream's own time since then; when
 * that drifts from the wall clock by more than {@link #MAX_DRIFT} (a camera whose clock runs fast, frames that piled
 * up in a buffer) it is pulled back to the wall clock. Times never go backwards.
 */
public abstract sealed class FrameTimeline permits FrameTimeline.Replay, FrameTimeline.Live {

    static final Duration MAX_DRIFT = Duration.ofSeconds(2);

    /** The time of a frame, given its index and its stream timestamp (microseconds), as it is read. */
    public abstract Instant timeOf(long frame, long streamMicros);

    /** A new connection: live streams start their timestamps over. */
    public abstract void reconnected();

    public static FrameTimeline replay(Instant start, double fps) {
        return new Replay(start, fps);
    }

    public static FrameTimeline live(Clock clock) {
        return new Live(clock);
    }

    static final class Replay extends FrameTimeline {
        private final Instant start;
        private final double fps;

        Replay(Instant start, double fps) {
            this.start = start;
            this.fps = fps;
        }

        @Override
        public Instant timeOf(long frame, long streamMicros) {
            return start.plusNanos(Math.round(frame / fps * 1e9));
        }

        @Override
        public void reconnected() {
        }
    }

    static final class Live extends FrameTimeline {
        private final Clock clock;
        private Instant anchorWall;
        private long anchorMicros;
        private Instant last = Instant.MIN;

        Live(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Instant timeOf(long frame, long streamMicros) {
            Instant now = clock.instant();
            Instant time = anchorWall == null ? null : anchorWall.plusNanos((streamMicros - anchorMicros) * 1000);
            if (time == null || time.isAfter(now) || Duration.between(time, now).compareTo(MAX_DRIFT) > 0) {
                anchorWall = now;
                anchorMicros = streamMicros;
                time = now;
            }
            if (time.isBefore(last)) {
                time = last;
            }
            last = time;
            return time;
        }

        @Override
        public void reconnected() {
            anchorWall = null;
        }
    }
}
