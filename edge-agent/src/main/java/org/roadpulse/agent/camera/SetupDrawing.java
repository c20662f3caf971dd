package org.roadpulse.agent.camera;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;

/**
 * The installer's check: one frame with the counting line (yellow, its band in thin lines), the speed line (cyan), the
 * lane stretches (labelled) and the region where motion counts (blue) drawn on it, written where the installer asked. The only image the agent ever writes,
 * and only on this explicit command.
 */
public final class SetupDrawing {

    private static final Scalar YELLOW = new Scalar(0, 220, 255, 0);
    private static final Scalar CYAN = new Scalar(255, 220, 0, 0);
    private static final Scalar GREEN = new Scalar(80, 220, 80, 0);
    private static final Scalar BLUE = new Scalar(255, 120, 40, 0);

    private SetupDrawing() {
    }

    public static void write(Mat grey, CameraVehicleSource.Setup setup, Path png) {
        try (Mat image = new Mat()) {
            cvtColor(grey, image, COLOR_GRAY2BGR);
            drawSetup(image, setup);
            if (!imwrite(png.toString(), image)) {
                throw new IllegalStateException("OpenCV could not write " + png);
            }
        }
    }

    /** Draws the lines, the band and the lanes onto a colour image of the processed frame's size. */
    static void drawSetup(Mat image, CameraVehicleSource.Setup setup) {
        int width = image.cols();
        int height = image.rows();
        double band = setup.settings().bandShare() * height;
        LineSpec counting = setup.line();
        draw(image, counting, width, height, YELLOW, 2);
        for (int sign = -1; sign <= 1; sign += 2) {
            drawOffset(image, counting, width, height, sign * band / 2, YELLOW);
        }
        if (setup.speedLine() != null) {
            draw(image, setup.speedLine(), width, height, CYAN, 2);
        }
        drawRegion(image, setup.region(), width, height);
        for (LaneZone zone : setup.lanes()) {
            double t = (zone.from() + zone.to()) / 2;
            int x = (int) Math.round((counting.ax() + t * (counting.bx() - counting.ax())) * width);
            int y = (int) Math.round((counting.ay() + t * (counting.by() - counting.ay())) * height);
            String label = String.format(Locale.ROOT, "%s %d", zone.direction().wireName(), zone.lane());
            try (Point at = new Point(x + 4, y - 6 - (zone.direction().ordinal() * 14))) {
                putText(image, label, at, FONT_HERSHEY_SIMPLEX, 0.4, GREEN, 1, LINE_AA, false);
            }
        }
    }

    private static void drawRegion(Mat image, RegionOfInterest region, int width, int height) {
        List<int[]> corners = region.inPixels(width, height);
        for (int i = 0; i < corners.size(); i++) {
            int[] from = corners.get(i);
            int[] to = corners.get((i + 1) % corners.size());
            try (Point a = new Point(from[0], from[1]); Point b = new Point(to[0], to[1])) {
                line(image, a, b, BLUE, 2, LINE_AA, 0);
            }
        }
    }

    private static void draw(Mat image, LineSpec spec, int width, int height, Scalar colour, int thickness) {
        try (Point a = new Point((int) Math.round(spec.ax() * width), (int) Math.round(spec.ay() * height));
             Point b = new Point((int) Math.round(spec.bx() * width), (int) Math.round(spec.by() * height))) {
            line(image, a, b, colour, thickness, LINE_AA, 0);
        }
    }

    /** The line shifted sideways by {@code offset} pixels: the edges of its band. */
    private static void drawOffset(Mat image, LineSpec spec, int width, int height, double offset, Scalar colour) {
        double ax = spec.ax() * width;
        double ay = spec.ay() * height;
        double bx = spec.bx() * width;
        double by = spec.by() * height;
        double length = Math.hypot(bx - ax, by - ay);
        double nx = -(by - ay) / length * offset;
        double ny = (bx - ax) / length * offset;
        try (Point a = new Point((int) Math.round(ax + nx), (int) Math.round(ay + ny));
             Point b = new Point((int) Math.round(bx + nx), (int) Math.round(by + ny))) {
            line(image, a, b, colour, 1, LINE_AA, 0);
        }
    }
}
