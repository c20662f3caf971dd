package org.roadpulse.roadai.tracks;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.roads.GeoPoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that frames are placed between the fixes around their capture time, and never across a gap. */
class TrackTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Duration GAP = Duration.ofSeconds(10);
    private final Track track = new Track(List.of(
            new TimedPosition(T0.plusSeconds(2), new GeoPoint(49.352, 7.252)),
            new TimedPosition(T0, new GeoPoint(49.350, 7.250)),
            new TimedPosition(T0.plusSeconds(60), new GeoPoint(49.360, 7.260))));

    @Test
    void aFrameBetweenTwoFixesIsInterpolated() {
        GeoPoint at = track.positionAt(T0.plusMillis(500), GAP).orElseThrow();
        assertThat(at.latitude()).isCloseTo(49.3505, Offset.offset(1e-9));
        assertThat(at.longitude()).isCloseTo(7.2505, Offset.offset(1e-9));
    }

    @Test
    void aFrameAtAFixTakesIt() {
        assertThat(track.positionAt(T0.plusSeconds(2), GAP)).contains(new GeoPoint(49.352, 7.252));
    }

    @Test
    void framesOutsideTheTrackOrInAGapAreNotPlaced() {
        assertThat(track.positionAt(T0.minusSeconds(1), GAP)).isEmpty();
        assertThat(track.positionAt(T0.plusSeconds(61), GAP)).isEmpty();
        assertThat(track.positionAt(T0.plusSeconds(30), GAP)).as("58 s between fixes").isEmpty();
    }
}
