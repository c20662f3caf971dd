package org.roadpulse.agent.camera;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_video.BackgroundSubtractorMOG2;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_video.createBackgroundSubtractorMOG2;

/**
 * Finds moving objects in grey frames: a per-pixel Gaussian-mixture background (OpenCV's MOG2) with its shadow
 * detection, so that cast shadows (marked grey) are dropped; each frame is first scaled to the background's mean
 * brightness, so that a camera's auto-exposure jump does not turn the whole picture into "motion"; then opening
 * removes speckle, closing joins a vehicle's fragments, and connected components larger than {@code minArea}
 * pixels become boxes. Motion outside the region of interest (a mask, 0 outside) is ignored.
 */
public final class MotionDetector implements AutoCloseable {

    /** MOG2 marks shadow pixels 127 and moving pixels 255. */
    private static final double FOREGROUND = 200;

    private final BackgroundSubtractorMOG2 background;
    private final double minArea;
    private final BlobSplitter splitter;
    private final Mat region;
    private final Mat kernelOpen;
    private final Mat kernelClose;
    private final Mat normalised = new Mat();
    private final Mat foreground = new Mat();
    private final Mat backgroundImage = new Mat();
    private final Mat labels = new Mat();
    private final Mat stats = new Mat();
    private final Mat centroids = new Mat();
    private long frames;

    /**
     * @param closeSize side of the closing kernel in pixels: about a third of a vehicle's width at this resolution
     * @param region    mask of the frame's size, 255 where motion counts, or null for the whole frame (no masking
     *                  work per frame); the detector closes it
     */
    public MotionDetector(double minArea, int closeSize, BlobSplitter splitter, Mat region) {
        this.region = region;
        this.background = createBackgroundSubtractorMOG2(500, 16, true);
        this.minArea = minArea;
        this.splitter = splitter;
        this.kernelOpen = getStructuringElement(MORPH_ELLIPSE, new Size(3, 3));
        this.kernelClose = getStructuringElement(MORPH_ELLIPSE, new Size(closeSize, closeSize));
    }

    public List<Box> detect(Mat grey) {
        Mat input = grey;
        if (frames > 0) {
            background.getBackgroundImage(backgroundImage);
            double target = mean(backgroundImage).get(0);
            double actual = mean(grey).get(0);
            if (actual > 1 && Math.abs(target / actual - 1) > 0.02) {
                grey.convertTo(normalised, -1, target / actual, 0);
                input = normalised;
            }
        }
        frames++;
        background.apply(input, foreground);
        threshold(foreground, foreground, FOREGROUND, 255, THRESH_BINARY);
        if (region != null) {
            bitwise_and(foreground, region, foreground);
        }
        morphologyEx(foreground, foreground, MORPH_OPEN, kernelOpen);
        morphologyEx(foreground, foreground, MORPH_CLOSE, kernelClose);
        int count = connectedComponentsWithStats(foreground, labels, stats, centroids, 8, CV_32S);
        List<Box> boxes = new ArrayList<>();
        try (IntIndexer s = stats.createIndexer(); UByteIndexer pixels = foreground.createIndexer()) {
            BlobSplitter.Mask mask = (x, y) -> pixels.get(y, x) != 0;
            for (int i = 1; i < count; i++) { // 0 is the background
                int area = s.get(i, 4);
                if (area >= minArea) {
                    for (Box part : splitter.split(new Box(s.get(i, 0), s.get(i, 1), s.get(i, 2), s.get(i, 3)), mask)) {
                        if (part.area() >= minArea / 2) {
                            boxes.add(part);
                        }
                    }
                }
            }
        }
        return boxes;
    }

    @Override
    public void close() {
        background.close();
        if (region != null) {
            region.close();
        }
        kernelOpen.close();
        kernelClose.close();
        normalised.close();
        foreground.close();
        backgroundImage.close();
        labels.close();
        stats.close();
        centroids.close();
    }
}
