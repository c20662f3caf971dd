package org.roadpulse.roadai.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

import java.util.Optional;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.images.MatPixels;
import org.roadpulse.roadai.images.PatchPixels;
import org.roadpulse.roadai.support.SyntheticRoadImages;

/** Verifies the crack sub-type on drawn cracks: a line along the road, one across it, a mesh, and none. */
class CrackShapeTest {
    private static final int SIDE = 128;
    private final OpenCvCrackShapeEstimator estimator = new OpenCvCrackShapeEstimator();

    @Test
    void aCrackRunningUpTheImageIsLongitudinal() {
        // GIVEN a dark crack from near the bottom to near the top, slightly slanted
        PatchPixels tile = asphaltWith(new int[][] {{60, 5, 70, 122}});
        // WHEN
        Optional<CrackShape> shape = estimator.estimate(tile);
        // THEN
        assertThat(shape).hasValueSatisfying(s -> {
            assertThat(s.subtype()).isEqualTo(CrackSubtype.LONGITUDINAL);
            assertThat(s.measurements().angleDeg()).isGreaterThan(75);
            assertThat(s.measurements().anisotropy()).isGreaterThan(0.9);
        });
    }

    @Test
    void aCrackRunningAcrossTheImageIsTransverse() {
        PatchPixels tile = asphaltWith(new int[][] {{4, 70, 124, 58}});

        Optional<CrackShape> shape = estimator.estimate(tile);

        assertThat(shape).hasValueSatisfying(s -> {
            assertThat(s.subtype()).isEqualTo(CrackSubtype.TRANSVERSE);
            assertThat(s.measurements().angleDeg()).isLessThan(15);
        });
    }

    @Test
    void aMeshOfCracksIsAlligator() {
        // GIVEN irregular cells: three wavy lines each way, crossing
        PatchPixels tile = asphaltWith(new int[][] {
                {5, 20, 123, 30}, {5, 62, 123, 55}, {5, 100, 123, 108},
                {25, 5, 18, 123}, {65, 5, 72, 123}, {105, 5, 98, 123}});

        Optional<CrackShape> shape = estimator.estimate(tile);

        assertThat(shape).hasValueSatisfying(s -> {
            assertThat(s.subtype()).isEqualTo(CrackSubtype.ALLIGATOR);
            assertThat(s.measurements().junctions()).isGreaterThanOrEqualTo(4);
            assertThat(s.measurements().meshCells()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void plainAsphaltHasNoCrackShape() {
        assertThat(estimator.estimate(asphaltWith(new int[0][]))).isEmpty();
    }

    @Test
    void theRuleNeedsBothBranchesAndNoStrongDirectionForAMesh() {
        CrackShapeRule rule = CrackShapeRule.DEFAULT;
        // a long straight crack with a few side branches stays a line
        assertThat(rule.subtypeOf(new CrackMeasurements(400, 200, 85, 0.9, 3, 0))).isEqualTo(CrackSubtype.LONGITUDINAL);
        assertThat(rule.subtypeOf(new CrackMeasurements(400, 200, 20, 0.4, 4, 3))).isEqualTo(CrackSubtype.ALLIGATOR);
        assertThat(rule.subtypeOf(new CrackMeasurements(400, 200, 44, 0.4, 1, 0))).isEqualTo(CrackSubtype.TRANSVERSE);
    }

    /** Noisy grey asphalt with dark 3-pixel lines from (x0, y0) to (x1, y1). */
    private static PatchPixels asphaltWith(int[][] lines) {
        try (Mat image = SyntheticRoadImages.image("no_damage", SIDE, new Random(3)); Scalar dark = new Scalar(45, 45, 45, 0)) {
            for (int[] l : lines) {
                try (Point a = new Point(l[0], l[1]); Point b = new Point(l[2], l[3])) {
                    line(image, a, b, dark, 3, 8, 0);
                }
            }
            return MatPixels.toPixels(image);
        }
    }
}
