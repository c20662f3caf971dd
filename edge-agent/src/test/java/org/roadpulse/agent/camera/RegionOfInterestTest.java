package org.roadpulse.agent.camera;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;

class RegionOfInterestTest {

    @Test
    void theLowerHalfMasksExactlyTheLowerHalf() {
        RegionOfInterest lowerHalf = RegionOfInterest.parse("0,0.5 1,0.5 1,1 0,1");
        try (Mat mask = lowerHalf.mask(640, 360);
             Mat top = new Mat(mask, new Rect(0, 0, 640, 179));
             Mat bottom = new Mat(mask, new Rect(0, 181, 640, 179))) {
            assertThat(countNonZero(top)).isZero();
            assertThat(countNonZero(bottom)).isEqualTo(640 * 179);
        }
    }

    @Test
    void noCornersMeanTheWholeFrame() {
        assertThat(RegionOfInterest.parse("  ").wholeFrame()).isTrue();
        try (Mat mask = RegionOfInterest.WHOLE_FRAME.mask(64, 36)) {
            assertThat(countNonZero(mask)).isEqualTo(64 * 36);
        }
    }

    @Test
    void aConcaveRegionLeavesItsNotchOut() {
        // an L: the whole frame but its upper right quarter
        RegionOfInterest l = RegionOfInterest.parse("0,0 0.5,0 0.5,0.5 1,0.5 1,1 0,1");
        try (Mat mask = l.mask(200, 200); Mat notch = new Mat(mask, new Rect(110, 10, 80, 80))) {
            assertThat(countNonZero(notch)).isZero();
            assertThat(countNonZero(mask)).isBetween(29_000, 31_000);
        }
    }

    @Test
    void aCornerOutsideTheFrameOrTooFewCornersAreNamed() {
        assertThatThrownBy(() -> RegionOfInterest.parse("0,0.4 1.3,0.4 1,1"))
                .hasMessageContaining("corner 1.3,0.4 lies outside the frame");
        assertThatThrownBy(() -> RegionOfInterest.parse("0,0 1,1"))
                .hasMessageContaining("at least three corners");
        assertThatThrownBy(() -> RegionOfInterest.parse("0,0 1;1 0,1"))
                .hasMessageContaining("'1;1' is not x,y");
        assertThatThrownBy(() -> RegionOfInterest.parse("0,0 a,1 0,1"))
                .hasMessageContaining("'a' in corner 'a,1' is not a number");
    }
}
