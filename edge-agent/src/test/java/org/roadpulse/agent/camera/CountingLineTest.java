package org.roadpulse.agent.camera;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verifies that a counting line counts each vehicle once, in the direction it really went, and never on jitter. */
class CountingLineTest {

    /** A horizontal line at y = 100 over x 0..200, with a 10-pixel band. */
    private final CountingLine line = CountingLine.horizontal("l", 100, 0, 200, 10);

    @Test
    void aVehicleDrivingDownCountsOnceDown() {
        List<LineCrossing> crossings = drive(line, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140);
        assertThat(crossings).extracting(LineCrossing::direction).containsExactly("down");
        assertThat(crossings.get(0).frame()).isEqualTo(6); // first frame with its centre past the band
    }

    @Test
    void aVehicleDrivingUpCountsUp() {
        assertThat(drive(line, 150, 140, 130, 120, 110, 100, 90, 80, 70))
                .extracting(LineCrossing::direction).containsExactly("up");
    }

    @Test
    void jitterInsideTheBandNeverCounts() {
        // stop-and-go: the centre hovers across the line but stays within ±5 px of it
        assertThat(drive(line, 80, 90, 97, 103, 96, 104, 98, 102, 97)).isEmpty();
    }

    @Test
    void goingBackAndForthAcrossTheBandCountsOnlyOnce() {
        assertThat(drive(line, 80, 90, 120, 80, 120, 80)).hasSize(1);
    }

    @Test
    void aCrossingBesideTheSegmentDoesNotCount() {
        CountingLine leftHalf = CountingLine.horizontal("half", 100, 0, 100, 10);
        TrackedVehicle car = new TrackedVehicle(1, centred(150, 80));
        List<LineCrossing> crossings = new ArrayList<>();
        for (int y = 80; y <= 130; y += 10) {
            car.seenAt(centred(150, y));
            crossings.addAll(leftHalf.update(y, List.of(car), 1));
        }
        assertThat(crossings).isEmpty();
    }

    @Test
    void aTrackThatTravelledTheOtherWayDoesNotCount() {
        // GIVEN a track born at y=130 that moved up to 90, then a blob jump puts its centre at 120
        TrackedVehicle confused = new TrackedVehicle(1, centred(100, 130));
        List<LineCrossing> crossings = new ArrayList<>();
        int frame = 0;
        for (int y : new int[] {120, 110, 90, 80, 120}) {
            confused.seenAt(centred(100, y));
            crossings.addAll(line.update(frame++, List.of(confused), 1));
        }
        // THEN only its real crossing (up) counts; the jump back down, past where it was born, does not count down
        assertThat(crossings).extracting(LineCrossing::direction).containsExactly("up");
    }

    @Test
    void twoTracksOfOneBrokenBlobCountOnceButNeighboursInOtherLanesCountEach() {
        CountingLine merging = CountingLine.horizontal("m", 100, 0, 300, 10).mergingWithin(10);
        TrackedVehicle front = new TrackedVehicle(1, centred(100, 80));
        TrackedVehicle fragment = new TrackedVehicle(2, centred(105, 70));
        TrackedVehicle otherLane = new TrackedVehicle(3, centred(220, 75));
        List<LineCrossing> crossings = new ArrayList<>();
        for (int step = 1; step <= 6; step++) {
            front.seenAt(centred(100, 80 + 10 * step));
            fragment.seenAt(centred(105, 70 + 10 * step));
            otherLane.seenAt(centred(220, 75 + 10 * step));
            crossings.addAll(merging.update(step, List.of(front, fragment, otherLane), 1));
        }
        assertThat(crossings).extracting(c -> c.vehicle().id()).containsExactlyInAnyOrder(1L, 3L);
    }

    @Test
    void aLineNeedsALength() {
        assertThatThrownBy(() -> new CountingLine("dot", 5, 5, 5, 5, 4, "a", "b")).hasMessageContaining("dot");
    }

    private static List<LineCrossing> drive(CountingLine line, int... centreYs) {
        TrackedVehicle car = new TrackedVehicle(1, centred(100, centreYs[0]));
        List<LineCrossing> crossings = new ArrayList<>();
        crossings.addAll(line.update(0, List.of(car), 1));
        for (int frame = 1; frame < centreYs.length; frame++) {
            car.seenAt(centred(100, centreYs[frame]));
            crossings.addAll(line.update(frame, List.of(car), 1));
        }
        return crossings;
    }

    private static Box centred(double x, double y) {
        return new Box(x - 20, y - 15, 40, 30);
    }
}
