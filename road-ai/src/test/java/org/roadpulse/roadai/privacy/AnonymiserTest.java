package org.roadpulse.roadai.privacy;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;

/** Verifies that detected regions (with their margin) are pixelated and nothing else in the image changes. */
class AnonymiserTest {

    @Test
    void detectedRegionsArePixelatedAndTheRestIsUntouched() {
        // GIVEN an image with a "plate" of fine black text on white, and a detector that finds it
        try (Mat image = new Mat(200, 300, CV_8UC3, new Scalar(90, 90, 90, 0))) {
            try (Mat plate = new Mat(image, new org.bytedeco.opencv.opencv_core.Rect(100, 80, 100, 25))) {
                plate.put(new Scalar(255, 255, 255, 0));
            }
            putText(image, "SB RP 123", new Point(104, 100), FONT_HERSHEY_SIMPLEX, 0.5, new Scalar(0, 0, 0, 0));
            SensitiveRegion region = new SensitiveRegion(SensitiveRegion.Kind.NUMBER_PLATE, 100, 80, 100, 25);
            Mat before = image.clone();
            // WHEN it is anonymised
            List<SensitiveRegion> hidden = new Anonymiser(bgr -> List.of(region)).anonymise(image);
            // THEN the region is at most 8 blocks wide, so no character survives: a row changes colour at most 7 times
            assertThat(hidden).containsExactly(region);
            assertThat(mostChangesInARow(before, 80, 75, 140, 35)).isGreaterThan(20);
            assertThat(mostChangesInARow(image, 80, 75, 140, 35)).isLessThanOrEqualTo(7);
            // AND every pixel outside the region and its 20 % margin is as it was
            try (UByteIndexer a = before.createIndexer(); UByteIndexer b = image.createIndexer()) {
                for (int y = 0; y < 200; y++) {
                    for (int x = 0; x < 300; x++) {
                        boolean inBox = x >= 80 && x < 220 && y >= 75 && y < 110;
                        if (!inBox) {
                            for (int c = 0; c < 3; c++) {
                                assertThat(b.get(y, x, c)).as("pixel %d,%d", x, y).isEqualTo(a.get(y, x, c));
                            }
                        }
                    }
                }
            }
            before.close();
        }
    }

    @Test
    void regionsAtTheEdgeAreClippedToTheImage() {
        try (Mat image = new Mat(50, 50, CV_8UC3, new Scalar(10, 20, 30, 0))) {
            SensitiveRegion corner = new SensitiveRegion(SensitiveRegion.Kind.FACE, 40, 40, 30, 30);
            new Anonymiser(bgr -> List.of(corner)).anonymise(image);
            assertThat(image.cols()).isEqualTo(50);
        }
    }

    /** The most colour changes between neighbouring pixels along one row of the box. */
    private static int mostChangesInARow(Mat image, int x0, int y0, int width, int height) {
        int most = 0;
        try (UByteIndexer pixels = image.createIndexer()) {
            for (int y = y0; y < y0 + height; y++) {
                int changes = 0;
                for (int x = x0 + 1; x < x0 + width; x++) {
                    for (int c = 0; c < 3; c++) {
                        if (pixels.get(y, x, c) != pixels.get(y, x - 1, c)) {
                            changes++;
                            break;
                        }
                    }
                }
                most = Math.max(most, changes);
            }
        }
        return most;
    }
}
