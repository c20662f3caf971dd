package org.roadpulse.roadai.mapping;

import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Draws a damage map over its frame for people to look at: potholes filled red, cracks yellow (labelled with the
 * sub-type's initial and the confidence), crack areas of several tiles framed orange with their sub-type, undamaged
 * tiles outlined green, the road region outlined cyan.
 */
public final class OpenCvOverlay {
    private static final Map<String, double[]> FILL = Map.of(
            "pothole", new double[] {40, 40, 230},
            "crack", new double[] {0, 210, 255});
    private static final double[] OUTLINE = {90, 200, 90};
    private static final double[] ROAD = {255, 255, 0};
    private static final double[] AREA = {0, 140, 255};

    private OpenCvOverlay() {
    }

    public static void write(OpenCvFrame frame, DamageMap map, Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (Mat picture = frame.mat().clone(); Mat filled = frame.mat().clone()) {
            for (MappedTile mapped : map.tiles()) {
                double[] fill = FILL.get(mapped.className());
                if (fill != null) {
                    box(filled, mapped.tile(), fill, -1);
                }
            }
            addWeighted(filled, 0.4, picture, 0.6, 0, picture);
            for (MappedTile mapped : map.tiles()) {
                double[] colour = FILL.getOrDefault(mapped.className(), OUTLINE);
                box(picture, mapped.tile(), colour, 1);
                if (FILL.containsKey(mapped.className())) {
                    label(picture, mapped, colour);
                }
            }
            for (CrackArea area : map.crackAreas()) {
                if (area.tiles().size() > 1) {
                    outlineArea(picture, area);
                }
            }
            outline(picture, map.roadPolygon());
            if (!imwrite(png.toString(), picture)) {
                throw new IOException("OpenCV could not write " + png);
            }
        }
    }

    private static void box(Mat image, Tile tile, double[] bgr, int thickness) {
        try (Point a = new Point(tile.x(), tile.y()); Point b = new Point(tile.x() + tile.side() - 1, tile.y() + tile.side() - 1);
             Scalar colour = scalar(bgr)) {
            rectangle(image, a, b, colour, thickness, LINE_AA, 0);
        }
    }

    private static void label(Mat image, MappedTile mapped, double[] bgr) {
        String kind = mapped.crackShape() != null
                ? mapped.crackShape().subtype().name().substring(0, 1)
                : mapped.className().substring(0, 1).toUpperCase(Locale.ROOT);
        String text = String.format(Locale.ROOT, "%s %.2f", kind, mapped.confidence());
        try (Point at = new Point(mapped.tile().x() + 4, mapped.tile().y() + 16); Scalar colour = scalar(bgr);
             Scalar shadow = new Scalar(0, 0, 0, 0); Point shadowAt = new Point(at.x() + 1, at.y() + 1)) {
            putText(image, text, shadowAt, FONT_HERSHEY_SIMPLEX, 0.45, shadow, 2, LINE_AA, false);
            putText(image, text, at, FONT_HERSHEY_SIMPLEX, 0.45, colour, 1, LINE_AA, false);
        }
    }

    /** A crack area of several tiles: an orange frame with the area's sub-type at its lower left corner. */
    private static void outlineArea(Mat image, CrackArea area) {
        try (Point a = new Point(area.x() + 2, area.y() + 2);
             Point b = new Point(area.x() + area.width() - 3, area.y() + area.height() - 3);
             Point at = new Point(area.x() + 6, area.y() + area.height() - 8);
             Scalar colour = scalar(AREA); Scalar shadow = new Scalar(0, 0, 0, 0)) {
            rectangle(image, a, b, colour, 2, LINE_AA, 0);
            String text = (area.subtype() == null ? "crack" : area.subtype().name().toLowerCase(Locale.ROOT)) + " area";
            putText(image, text, at, FONT_HERSHEY_SIMPLEX, 0.55, shadow, 3, LINE_AA, false);
            putText(image, text, at, FONT_HERSHEY_SIMPLEX, 0.55, colour, 1, LINE_AA, false);
        }
    }

    private static void outline(Mat image, List<double[]> corners) {
        try (Scalar colour = scalar(ROAD)) {
            for (int i = 0; i < corners.size(); i++) {
                double[] a = corners.get(i);
                double[] b = corners.get((i + 1) % corners.size());
                try (Point p = new Point((int) Math.round(a[0]), (int) Math.round(a[1]));
                     Point q = new Point((int) Math.round(b[0]), (int) Math.round(b[1]))) {
                    line(image, p, q, colour, 2, LINE_AA, 0);
                }
            }
        }
    }

    private static Scalar scalar(double[] bgr) {
        return new Scalar(bgr[0], bgr[1], bgr[2], 0);
    }
}
