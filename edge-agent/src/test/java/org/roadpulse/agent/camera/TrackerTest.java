package org.roadpulse.agent.camera;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that tracks follow vehicles through short occlusions and keep side-by-side vehicles apart. */
class TrackerTest {

    @Test
    void aVehicleHiddenForAFewFramesKeepsItsTrack() {
        Tracker tracker = new Tracker(5, 0.1, 30);
        long id = 0;
        for (int frame = 0; frame < 20; frame++) {
            boolean hidden = frame >= 8 && frame < 12; // behind a sign for four frames
            List<TrackedVehicle> tracks = tracker.update(hidden ? List.of() : List.of(new Box(100, 10 * frame, 40, 30)));
            assertThat(tracks).hasSize(1);
            if (frame == 0) {
                id = tracks.get(0).id();
            }
            assertThat(tracks.get(0).id()).isEqualTo(id);
        }
        List<TrackedVehicle> tracks = tracker.update(List.of(new Box(100, 200, 40, 30)));
        assertThat(tracks).singleElement().satisfies(t -> assertThat(t.framesSeen()).isEqualTo(17));
        assertThat(tracks.get(0).id()).isEqualTo(id);
    }

    @Test
    void aTrackMissingLongerThanAllowedIsDropped() {
        Tracker tracker = new Tracker(2, 0.1, 30);
        tracker.update(List.of(new Box(0, 0, 10, 10)));
        tracker.update(List.of());
        tracker.update(List.of());
        assertThat(tracker.update(List.of())).isEmpty();
    }

    @Test
    void sideBySideVehiclesKeepTheirOwnTracks() {
        Tracker tracker = new Tracker(5, 0.1, 30);
        List<TrackedVehicle> tracks = List.of();
        for (int frame = 0; frame < 10; frame++) {
            tracks = tracker.update(List.of(new Box(100, 8 * frame, 40, 30), new Box(150, 8 * frame + 2, 40, 30)));
        }
        assertThat(tracks).hasSize(2);
        assertThat(tracks).allSatisfy(t -> assertThat(t.framesSeen()).isEqualTo(10));
        assertThat(tracks.get(0).velocityY()).isEqualTo(8.0);
    }
}
