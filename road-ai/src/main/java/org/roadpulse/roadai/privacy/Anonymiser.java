package org.roadpulse.roadai.privacy;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Makes faces and number plates unrecognisable before an image is stored (DSGVO): each detected region, widened by a
 * margin, is pixelated to at most 8 × 8 blocks (about one block per character of a plate). Pixelation, unlike a mild blur, cannot be reversed by
 * sharpening. The image is changed in place; the caller never keeps the original.
 */
public final class Anonymiser {

    /** Regions are widened by this share of their size on every side: detectors cut faces and plates tight. */
    private static final double MARGIN = 0.2;
    private static final int BLOCKS = 8;

    private final SensitiveRegionDetector detector;

    public Anonymiser(SensitiveRegionDetector detector) {
        this.detector = detector;
    }

    /** Detects and pixelates; returns what it hid. */
    public List<SensitiveRegion> anonymise(Mat bgr) {
        List<SensitiveRegion> regions = detector.detect(bgr);
        for (SensitiveRegion region : regions) {
            pixelate(bgr, region);
        }
        return regions;
    }

    static void pixelate(Mat bgr, SensitiveRegion region) {
        int mx = (int) Math.round(region.width() * MARGIN);
        int my = (int) Math.round(region.height() * MARGIN);
        int x0 = Math.max(0, region.x() - mx);
        int y0 = Math.max(0, region.y() - my);
        int x1 = Math.min(bgr.cols(), region.x() + region.width() + mx);
        int y1 = Math.min(bgr.rows(), region.y() + region.height() + my);
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        try (Rect box = new Rect(x0, y0, x1 - x0, y1 - y0);
             Mat area = new Mat(bgr, box);
             Mat small = new Mat();
             Size blocks = new Size(Math.min(BLOCKS, x1 - x0), Math.min(BLOCKS, y1 - y0));
             Size full = new Size(x1 - x0, y1 - y0)) {
            resize(area, small, blocks, 0, 0, INTER_LINEAR);
            resize(small, area, full, 0, 0, INTER_NEAREST);
        }
    }
}
