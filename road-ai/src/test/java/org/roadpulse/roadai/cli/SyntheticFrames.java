package org.roadpulse.roadai.cli;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

import java.nio.file.Path;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Whole synthetic frames (noisy grey asphalt) with drawn damage and the matching masks, as the shared frames name them. */
final class SyntheticFrames {
    private SyntheticFrames() {
    }

    static void write(Path file, int width, int height, long seed) {
        try (Mat frame = asphalt(width, height, seed)) {
            imwrite(file.toString(), frame);
        }
    }

    /** A pothole (dark disc) at 3/4 across near the bottom and a crack at 1/4 across, with their masks. */
    static void writeWithMasks(Path folder, String name, int width, int height) {
        Point potholeCentre = new Point(width * 3 / 4, height - 40);
        int radius = 22;
        Point crackTop = new Point(width / 4, height - 120);
        Point crackBottom = new Point(width / 4 + 10, height - 5);
        try (Mat frame = asphalt(width, height, 5); Scalar dark = new Scalar(30, 30, 30, 0)) {
            circle(frame, potholeCentre, radius, dark, -1, 8, 0);
            line(frame, crackTop, crackBottom, dark, 3, 8, 0);
            imwrite(folder.resolve(name + "_RAW.png").toString(), frame);
        }
        try (Mat pothole = blank(width, height); Mat crack = blank(width, height); Mat lane = blank(width, height);
             Scalar white = new Scalar(255, 255, 255, 0)) {
            circle(pothole, potholeCentre, radius, white, -1, 8, 0);
            line(crack, crackTop, crackBottom, white, 3, 8, 0);
            imwrite(folder.resolve(name + "_POTHOLE.png").toString(), pothole);
            imwrite(folder.resolve(name + "_CRACK.png").toString(), crack);
            imwrite(folder.resolve(name + "_LANE.png").toString(), lane);
        }
    }

    /** An empty mask (nothing labelled). */
    static void writeMask(Path file, int width, int height) {
        try (Mat mask = blank(width, height)) {
            imwrite(file.toString(), mask);
        }
    }

    private static Mat asphalt(int width, int height, long seed) {
        Random random = new Random(seed);
        Mat frame = new Mat(height, width, org.bytedeco.opencv.global.opencv_core.CV_8UC3);
        byte[] pixels = new byte[width * height * 3];
        for (int p = 0; p < width * height; p++) {
            byte v = (byte) (120 + random.nextInt(20));
            pixels[p * 3] = v;
            pixels[p * 3 + 1] = v;
            pixels[p * 3 + 2] = v;
        }
        frame.data().put(pixels);
        return frame;
    }

    private static Mat blank(int width, int height) {
        Mat mask = new Mat(height, width, CV_8UC1);
        mask.data().put(new byte[width * height]);
        return mask;
    }
}
