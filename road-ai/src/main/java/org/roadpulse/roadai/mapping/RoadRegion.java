package org.roadpulse.roadai.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.roadpulse.roadai.images.ImageSize;

/**
 * The part of a vehicle-camera frame that shows the road, as a polygon. Given in frame-relative coordinates (0..1,
 * x to the right, y down) it scales with any frame size; given in pixels it stays fixed and is clipped to the frame.
 */
public final class RoadRegion {
    static final GeometryFactory GEOMETRY = new GeometryFactory();

    /**
     * The lower 65 % of the frame, narrowing with the road's perspective from the full width at the bottom edge to
     * the middle half (x 25-75 %) at 35 % down. It follows the average lane mask of the shared frames; the 128-pixel
     * tiles laid in it hold 93-95 % of their crack pixels and 74-76 % of their pothole pixels (road-ai/docs/damage-mapper.md).
     */
    public static final RoadRegion LOWER_PART = relative(
            new double[][] {{0, 1}, {1, 1}, {1, 0.8}, {0.75, 0.35}, {0.25, 0.35}, {0, 0.8}});

    private final Polygon polygon;
    private final boolean relative;

    private RoadRegion(Polygon polygon, boolean relative) {
        if (!polygon.isValid() || polygon.getArea() <= 0) {
            throw new IllegalArgumentException("a road region must be a simple polygon with an area, got " + polygon);
        }
        this.polygon = polygon;
        this.relative = relative;
    }

    /** Corners as {x, y} fractions of the frame's width and height. */
    public static RoadRegion relative(double[][] corners) {
        for (double[] c : corners) {
            if (c[0] < 0 || c[0] > 1 || c[1] < 0 || c[1] > 1) {
                throw new IllegalArgumentException("relative corners must lie in 0..1, got " + c[0] + "," + c[1]);
            }
        }
        return new RoadRegion(polygon(corners), true);
    }

    /** Corners as {x, y} in pixels; the region does not scale with the frame. */
    public static RoadRegion pixels(double[][] corners) {
        return new RoadRegion(polygon(corners), false);
    }

    /**
     * Parses {@code "x,y x,y x,y ..."}: fractions of the frame (0..1), or pixels when prefixed with {@code px:};
     * {@code lower} is {@link #LOWER_PART}.
     */
    public static RoadRegion parse(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("lower")) {
            return LOWER_PART;
        }
        boolean inPixels = trimmed.startsWith("px:");
        String[] points = (inPixels ? trimmed.substring(3) : trimmed).trim().split("\\s+|;");
        List<double[]> corners = new ArrayList<>();
        for (String point : points) {
            String[] xy = point.split(",");
            if (xy.length != 2) {
                throw new IllegalArgumentException("a region corner is 'x,y', got '" + point + "' in '" + text + "'");
            }
            corners.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        if (corners.size() < 3) {
            throw new IllegalArgumentException("a region needs at least 3 corners, got '" + text + "'");
        }
        double[][] array = corners.toArray(double[][]::new);
        return inPixels ? pixels(array) : relative(array);
    }

    /**
     * The region in pixel coordinates of a frame of this size, clipped to the frame.
     *
     * @throws RegionOutsideFrameException when nothing of the region is left in the frame
     */
    public Geometry inPixels(ImageSize frame) {
        Geometry scaled = relative
                ? AffineTransformation.scaleInstance(frame.width(), frame.height()).transform(polygon)
                : polygon;
        Geometry clipped = scaled.intersection(GEOMETRY.toGeometry(new Envelope(0, frame.width(), 0, frame.height())));
        if (clipped.isEmpty()) {
            throw new RegionOutsideFrameException("the road region " + this + " lies outside a " + frame + " frame");
        }
        return clipped;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(relative ? "" : "px:");
        Coordinate[] ring = polygon.getExteriorRing().getCoordinates();
        for (int i = 0; i < ring.length - 1; i++) {
            text.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4g,%.4g", ring[i].x, ring[i].y));
        }
        return text.toString();
    }

    private static Polygon polygon(double[][] corners) {
        Coordinate[] ring = new Coordinate[corners.length + 1];
        for (int i = 0; i < corners.length; i++) {
            ring[i] = new Coordinate(corners[i][0], corners[i][1]);
        }
        ring[corners.length] = ring[0];
        return GEOMETRY.createPolygon(ring);
    }
}
