package org.roadpulse.roadai.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verifies that crack tiles sharing an edge form one area, and how the area's sub-type is decided. */
class CrackAreasTest {

    @Test
    void crackTilesSharingAnEdgeFormOneAreaAndDiagonalNeighboursDoNot() {
        // GIVEN crack tiles at (0,0), (1,0), (1,1) and (2,3), a no_damage tile at (0,1), and (3,2) touching (2,3) by a corner
        List<MappedTile> tiles = List.of(crack(0, 0, CrackSubtype.LONGITUDINAL, 50), crack(1, 0, CrackSubtype.LONGITUDINAL, 40),
                crack(1, 1, CrackSubtype.TRANSVERSE, 60), other(0, 1), crack(2, 3, CrackSubtype.TRANSVERSE, 30),
                crack(3, 2, null, 0));
        // WHEN
        List<CrackArea> areas = CrackAreas.of(tiles);
        // THEN three areas; the first spans rows 0-1 and columns 0-1, its longitudinal skeleton (90 px) outweighs 60 px
        assertThat(areas).hasSize(3);
        CrackArea first = areas.get(0);
        assertThat(first.tiles()).hasSize(3);
        assertThat(new int[] {first.x(), first.y(), first.width(), first.height()}).containsExactly(0, 0, 256, 256);
        assertThat(first.subtype()).isEqualTo(CrackSubtype.LONGITUDINAL);
        assertThat(areas.get(1).subtype()).isEqualTo(CrackSubtype.TRANSVERSE);
        assertThat(areas.get(2).subtype()).isNull();
    }

    @Test
    void anAreaIsAlligatorWhenHalfOfItsShapedTilesAre() {
        List<MappedTile> tiles = List.of(crack(0, 0, CrackSubtype.ALLIGATOR, 50), crack(0, 1, CrackSubtype.LONGITUDINAL, 200),
                crack(0, 2, null, 0));

        assertThat(CrackAreas.of(tiles)).singleElement().satisfies(a -> assertThat(a.subtype()).isEqualTo(CrackSubtype.ALLIGATOR));
    }

    private static MappedTile crack(int row, int column, CrackSubtype subtype, int skeleton) {
        CrackShape shape = subtype == null ? null
                : new CrackShape(subtype, new CrackMeasurements(skeleton * 3, skeleton, 0, 0.5, 0, 0));
        return new MappedTile(new Tile(row, column, column * 128, row * 128, 128, 1), "crack", 0.9, Map.of(), shape);
    }

    private static MappedTile other(int row, int column) {
        return new MappedTile(new Tile(row, column, column * 128, row * 128, 128, 1), "no_damage", 0.9, Map.of(), null);
    }
}
