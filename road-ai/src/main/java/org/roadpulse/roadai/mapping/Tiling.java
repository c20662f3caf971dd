package org.roadpulse.roadai.mapping;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.roadpulse.roadai.images.ImageSize;

/**
 * Lays square tiles over the road region. The rule, in full:
 * <ul>
 *   <li>Tiles of {@code side} pixels sit on a grid with {@code stride} pixels between neighbours, fully inside the
 *       frame. The grid is centred horizontally and anchored at the bottom edge (the road nearest the camera, where
 *       damage is seen largest); a margin narrower than one stride at the left/right and the top is not tiled.</li>
 *   <li>A grid tile belongs to the road when at least {@code minInsideShare} of its area lies in the region
 *       (default one half). So every tile is mostly road, every left-out tile is mostly not, and along the region's
 *       edge each tile is wrong about at most that share of its area.</li>
 * </ul>
 * Tiles have one size everywhere: far road (higher in the frame) is covered by the same pixels as near road.
 */
public record Tiling(int side, int stride, double minInsideShare) {
    public static final Tiling DEFAULT = new Tiling(128, 128, 0.5);

    public Tiling {
        if (side <= 0 || stride <= 0) {
            throw new IllegalArgumentException("tile side and stride must be positive, got " + side + " and " + stride);
        }
        if (stride > side) {
            throw new IllegalArgumentException("stride " + stride + " > side " + side + " would leave gaps between tiles");
        }
        if (!(minInsideShare > 0 && minInsideShare <= 1)) {
            throw new IllegalArgumentException("minInsideShare must be in (0, 1], got " + minInsideShare);
        }
    }

    /** Every grid position of a frame of this size, in or out of any region, row by row from the top. */
    public List<Tile> grid(ImageSize frame) {
        int columns = count(frame.width());
        int rows = count(frame.height());
        List<Tile> cells = new ArrayList<>();
        if (columns == 0 || rows == 0) {
            return cells;
        }
        int left = (frame.width() - span(columns)) / 2;
        int top = frame.height() - span(rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                cells.add(new Tile(r, c, left + c * stride, top + r * stride, side, 0));
            }
        }
        return cells;
    }

    /** The grid tiles that belong to the road region (given in the frame's pixels), with their inside share. */
    public List<Tile> lay(Geometry road, ImageSize frame) {
        List<Tile> tiles = new ArrayList<>();
        for (Tile cell : grid(frame)) {
            double share = insideShare(cell, road);
            if (share >= minInsideShare) {
                tiles.add(new Tile(cell.row(), cell.column(), cell.x(), cell.y(), side, share));
            }
        }
        return tiles;
    }

    static double insideShare(Tile cell, Geometry road) {
        Geometry square = cell.polygon();
        if (!square.intersects(road)) {
            return 0;
        }
        return road.contains(square) ? 1 : square.intersection(road).getArea() / cell.area();
    }

    private int count(int length) {
        return length < side ? 0 : (length - side) / stride + 1;
    }

    private int span(int count) {
        return (count - 1) * stride + side;
    }
}
