package org.roadpulse.agent.camera;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;

/**
 * Where motion may count, as a polygon in fractions of the frame ({@code "0,0.35 1,0.35 1,1 0,1"}: the lower part).
 * Outside it, swaying trees, a footpath or the opposite car park never become vehicles. No corners: the whole frame.
 */
public record RegionOfInterest(List<double[]> corners) {

    public static final RegionOfInterest WHOLE_FRAME = new RegionOfInterest(List.of());

    public RegionOfInterest {
        corners = List.copyOf(corners);
    }

    /** Parses "x,y x,y x,y …" (at least three corners, each within 0..1); blank means the whole frame. */
    public static RegionOfInterest parse(String text) {
        if (text == null || text.isBlank()) {
            return WHOLE_FRAME;
        }
        List<double[]> corners = new ArrayList<>();
        for (String corner : text.trim().split("\\s+")) {
            String[] xy = corner.split(",");
            if (xy.length != 2) {
                throw new IllegalArgumentException("region '" + text + "': corner '" + corner + "' is not x,y");
            }
            double x = fraction(xy[0], corner, text);
            double y = fraction(xy[1], corner, text);
            corners.add(new double[] {x, y});
        }
        if (corners.size() < 3) {
            throw new IllegalArgumentException("region '" + text + "' needs at least three corners x,y");
        }
        return new RegionOfInterest(corners);
    }

    public boolean wholeFrame() {
        return corners.isEmpty();
    }

    /** A mask of the processed frame's size: 255 inside the region, 0 outside. */
    public Mat mask(int width, int height) {
        Mat mask;
        try (Scalar fill = new Scalar(wholeFrame() ? 255 : 0)) {
            mask = new Mat(height, width, CV_8UC1, fill);
        }
        if (!wholeFrame()) {
            // fillPoly takes concave outlines too (a road that bends)
            try (Mat polygon = polygon(width, height); MatVector polygons = new MatVector(polygon);
                 Scalar white = new Scalar(255); Point noShift = new Point()) {
                fillPoly(mask, polygons, white, LINE_8, 0, noShift);
            }
        }
        return mask;
    }

    /** The corners in pixels, for drawing. */
    public List<int[]> inPixels(int width, int height) {
        return corners.stream().map(c -> new int[] {(int) Math.round(c[0] * (width - 1)),
                (int) Math.round(c[1] * (height - 1))}).toList();
    }

    @Override
    public String toString() {
        if (wholeFrame()) {
            return "the whole frame";
        }
        StringBuilder text = new StringBuilder();
        corners.forEach(c -> text.append(String.format(Locale.ROOT, "%s%.3f,%.3f", text.isEmpty() ? "" : " ", c[0], c[1])));
        return text.toString();
    }

    private Mat polygon(int width, int height) {
        List<int[]> pixels = inPixels(width, height);
        Mat points = new Mat(pixels.size(), 1, CV_32SC2);
        try (IntIndexer at = points.createIndexer()) {
            for (int i = 0; i < pixels.size(); i++) {
                at.put(i, 0, 0, pixels.get(i)[0]);
                at.put(i, 0, 1, pixels.get(i)[1]);
            }
        }
        return points;
    }

    private static double fraction(String number, String corner, String text) {
        double value;
        try {
            value = Double.parseDouble(number.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("region '" + text + "': '" + number + "' in corner '" + corner
                    + "' is not a number");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("region '" + text + "': corner " + corner
                    + " lies outside the frame (0..1)");
        }
        return value;
    }
}
