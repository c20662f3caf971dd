package org.roadpulse.roadai.mapping;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * One square cut of a frame the classifier looks at, in pixels (x to the right, y down).
 *
 * @param row         grid row, 0 at the top of the grid
 * @param column      grid column, 0 at the left
 * @param insideShare how much of the tile's area lies in the road region (0..1)
 */
public record Tile(int row, int column, int x, int y, int side, double insideShare) {

    public long area() {
        return (long) side * side;
    }

    Polygon polygon() {
        return (Polygon) RoadRegion.GEOMETRY.toGeometry(new Envelope(x, x + side, y, y + side));
    }
}
