package org.roadpulse.agent.camera;

import org.junit.jupiter.api.Test;
import org.roadpulse.agent.support.FakeClock;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies when frames were taken: a file on its own timeline, a live stream on the wall clock. */
class FrameTimelineTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void aFileKeepsItsOwnTimelineHoweverFastItIsRead() {
        FrameTimeline file = FrameTimeline.replay(NOW, 25);

        assertThat(file.timeOf(0, 999_000_000)).isEqualTo(NOW);
        assertThat(file.timeOf(50, 0)).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void aLiveStreamStartsAtTheWallClockAndKeepsTheSpacingOfItsOwnTimestamps() {
        // GIVEN a stream whose timestamps start at 5,000 s (its own relative clock)
        FakeClock clock = new FakeClock(NOW);
        FrameTimeline live = FrameTimeline.live(clock);
        assertThat(live.timeOf(0, 5_000_000_000L)).isEqualTo(NOW);
        // WHEN two frames 40 ms apart in the stream arrive together, 100 ms later on the wall clock
        clock.advance(Duration.ofMillis(100));
        // THEN they keep their spacing rather than both getting the arrival time
        assertThat(live.timeOf(1, 5_000_040_000L)).isEqualTo(NOW.plusMillis(40));
        assertThat(live.timeOf(2, 5_000_080_000L)).isEqualTo(NOW.plusMillis(80));
    }

    @Test
    void aLiveFrameIsNeverFromTheFutureNorLongAgo() {
        FakeClock clock = new FakeClock(NOW);
        FrameTimeline live = FrameTimeline.live(clock);
        live.timeOf(0, 0);
        // a stream delivered faster than real time: pinned to now
        assertThat(live.timeOf(1, 10_000_000)).isEqualTo(NOW);
        // a stream that fell 5 s behind: pulled back to now
        clock.advance(Duration.ofSeconds(15));
        assertThat(live.timeOf(2, 10_000_000)).isEqualTo(NOW.plusSeconds(15));
    }

    @Test
    void aReconnectedStreamStartsItsTimestampsOverWithoutGoingBackInTime() {
        FakeClock clock = new FakeClock(NOW);
        FrameTimeline live = FrameTimeline.live(clock);
        live.timeOf(0, 7_000_000);
        clock.advance(Duration.ofSeconds(30));
        live.reconnected();

        assertThat(live.timeOf(0, 0)).isEqualTo(NOW.plusSeconds(30));
        clock.advance(Duration.ofSeconds(1));
        assertThat(live.timeOf(25, 1_000_000)).isEqualTo(NOW.plusSeconds(31));
    }
}
