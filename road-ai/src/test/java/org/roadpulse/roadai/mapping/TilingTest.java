package org.roadpulse.roadai.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.roadpulse.roadai.images.ImageSize;

/** Verifies that the tiles cover exactly the road region, by the rule stated in {@link Tiling}. */
class TilingTest {
    private static final ImageSize FRAME = new ImageSize(1024, 640);

    @Test
    void tilesCoverARegionOnTileBoundariesExactly() {
        // GIVEN a region whose edges lie on the 128-pixel grid
        Geometry road = RoadRegion.pixels(new double[][] {{128, 256}, {896, 256}, {896, 640}, {128, 640}}).inPixels(FRAME);
        // WHEN
        List<Tile> tiles = Tiling.DEFAULT.lay(road, FRAME);
        // THEN the union of the tiles is the region: nothing missing, nothing beyond it
        Geometry union = union(tiles);
        assertThat(tiles).hasSize(6 * 3);
        assertThat(union.symDifference(road).getArea()).isZero();
        assertThat(tiles).allSatisfy(t -> assertThat(t.insideShare()).isEqualTo(1.0));
    }

    @Test
    void tilesCoverANonRectangularRegionUpToHalfATileAlongItsEdge() {
        // GIVEN a triangle (a road narrowing to a vanishing point) and the default trapezoid
        List<Geometry> regions = List.of(
                RoadRegion.relative(new double[][] {{0.05, 1}, {0.95, 1}, {0.5, 0.1}}).inPixels(FRAME),
                RoadRegion.LOWER_PART.inPixels(FRAME));
        for (Geometry road : regions) {
            // WHEN
            List<Tile> tiles = Tiling.DEFAULT.lay(road, FRAME);
            Geometry union = union(tiles);
            // THEN every grid cell is in exactly when at least half of it is road,
            for (Tile cell : Tiling.DEFAULT.grid(FRAME)) {
                double inside = cell.polygon().intersection(road).getArea() / cell.area();
                boolean laid = tiles.stream().anyMatch(t -> t.x() == cell.x() && t.y() == cell.y());
                assertThat(laid).as("cell %d,%d with %.3f inside", cell.x(), cell.y(), inside).isEqualTo(inside >= 0.5);
                // and within each cell tiles and region disagree on at most half of it
                double disagreement = cell.polygon().intersection(union.symDifference(road)).getArea();
                assertThat(disagreement).isLessThanOrEqualTo(cell.area() / 2.0);
            }
            // and tiles reach outside the region only through cells its edge crosses
            Geometry outside = union.difference(road);
            Geometry edgeCells = union(tiles.stream().filter(t -> t.insideShare() < 1).toList());
            assertThat(outside.difference(edgeCells).getArea()).isZero();
            assertThat(tiles).allSatisfy(t -> assertThat(t.insideShare()).isGreaterThanOrEqualTo(0.5));
        }
    }

    @Test
    void theRegionScalesWithTheFrame() {
        // GIVEN the same relative region on a frame twice the size, with tiles twice the side
        Tiling doubled = new Tiling(256, 256, 0.5);
        ImageSize big = new ImageSize(2048, 1280);
        // WHEN
        List<Tile> small = Tiling.DEFAULT.lay(RoadRegion.LOWER_PART.inPixels(FRAME), FRAME);
        List<Tile> large = doubled.lay(RoadRegion.LOWER_PART.inPixels(big), big);
        // THEN the same cells are laid
        assertThat(large).extracting(Tile::row, Tile::column)
                .containsExactlyElementsOf(small.stream().map(t -> org.assertj.core.groups.Tuple.tuple(t.row(), t.column())).toList());
        assertThat(RoadRegion.LOWER_PART.inPixels(big).getArea()).isCloseTo(4 * RoadRegion.LOWER_PART.inPixels(FRAME).getArea(), within(1e-6));
    }

    @Test
    void theGridIsCentredAcrossAndAnchoredAtTheBottom() {
        // GIVEN a frame that is not a multiple of the tile side
        ImageSize odd = new ImageSize(1000, 700);
        // WHEN
        List<Tile> grid = Tiling.DEFAULT.grid(odd);
        // THEN 7 columns (896 px, 52 px margin each side) and 5 rows ending at the bottom edge (60 px top margin)
        assertThat(grid).hasSize(7 * 5);
        assertThat(grid.get(0).x()).isEqualTo(52);
        assertThat(grid.get(0).y()).isEqualTo(60);
        assertThat(grid.get(grid.size() - 1).y() + 128).isEqualTo(700);
    }

    @Test
    void overlappingTilesStillCoverOnlyTheRegionsCells() {
        // GIVEN tiles of 128 px every 64 px
        Tiling overlapping = new Tiling(128, 64, 0.5);
        Geometry road = RoadRegion.pixels(new double[][] {{0, 256}, {512, 256}, {512, 640}, {0, 640}}).inPixels(FRAME);
        // WHEN
        List<Tile> tiles = overlapping.lay(road, FRAME);
        // THEN the fully inside positions are 7 across and 5 down, and their union is the region
        assertThat(tiles.stream().filter(t -> t.insideShare() == 1.0)).hasSize(7 * 5);
        assertThat(union(tiles.stream().filter(t -> t.insideShare() == 1.0).toList()).symDifference(road).getArea()).isZero();
    }

    @Test
    void aFrameSmallerThanATileGetsNoTiles() {
        ImageSize tiny = new ImageSize(100, 100);
        assertThat(Tiling.DEFAULT.lay(RoadRegion.LOWER_PART.inPixels(tiny), tiny)).isEmpty();
    }

    @Test
    void regionsParseFromRelativeAndPixelCorners() {
        assertThat(RoadRegion.parse("lower")).isSameAs(RoadRegion.LOWER_PART);
        assertThat(RoadRegion.parse("0,0.5 1,0.5 1,1 0,1").inPixels(FRAME).getArea()).isEqualTo(1024 * 320.0);
        assertThat(RoadRegion.parse("px:0,0 100,0 100,50 0,50").inPixels(FRAME).getArea()).isEqualTo(5000.0);
        // a pixel region is clipped to the frame
        assertThat(RoadRegion.parse("px:0,600 2000,600 2000,700 0,700").inPixels(FRAME).getArea()).isEqualTo(1024 * 40.0);
    }

    @Test
    void rejectsBadRegionsAndTilings() {
        assertThatThrownBy(() -> RoadRegion.parse("0,0 1,1")).hasMessageContaining("at least 3 corners");
        assertThatThrownBy(() -> RoadRegion.parse("0,0 1.5,0 1,1")).hasMessageContaining("0..1");
        assertThatThrownBy(() -> RoadRegion.parse("0,0 1,1 1,0 0,1")).hasMessageContaining("simple polygon");
        assertThatThrownBy(() -> RoadRegion.parse("px:2000,0 2100,0 2100,50").inPixels(FRAME))
                .isInstanceOf(RegionOutsideFrameException.class);
        assertThatThrownBy(() -> new Tiling(128, 200, 0.5)).hasMessageContaining("gaps");
        assertThatThrownBy(() -> new Tiling(128, 128, 0)).hasMessageContaining("minInsideShare");
    }

    static Geometry union(List<Tile> tiles) {
        List<Geometry> squares = new ArrayList<>();
        tiles.forEach(t -> squares.add(t.polygon()));
        return squares.isEmpty() ? RoadRegion.GEOMETRY.createPolygon() : UnaryUnionOp.union(squares);
    }
}
