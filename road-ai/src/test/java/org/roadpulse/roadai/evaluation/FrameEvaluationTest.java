package org.roadpulse.roadai.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.images.BinaryMask;
import org.roadpulse.roadai.mapping.CrackSubtype;
import org.roadpulse.roadai.mapping.DamageMap;
import org.roadpulse.roadai.mapping.MappedTile;
import org.roadpulse.roadai.mapping.Tile;
import org.roadpulse.roadai.mapping.Tiling;

/**
 * Verifies tile metrics and pothole recall on a hand-computed case: 256 x 256 px frames of four 128 px tiles,
 * (a tile is truly pothole/crack from 1 % = 163.84 pixels, i.e. 164 pixels).
 */
class FrameEvaluationTest {
    private static final List<String> CLASSES = List.of("crack", "no_damage", "pothole");
    private static final int SIZE = 256;

    /**
     * Frame A: tile (0,0) has 300 pothole px (truth pothole), tile (128,0) 200 crack px (crack), tile (0,128) 50 crack
     * px (borderline, left out), tile (128,128) nothing (no_damage). Predicted: pothole, no_damage, crack, crack.
     * Frame B: no damage anywhere; predicted: pothole, no_damage, no_damage, no_damage.
     * Frame C: a 200 px pothole in tile (128,128); predicted all crack, so the pothole is missed.
     *
     * Scored tiles: 12 minus 1 borderline = 11. Rows actual, columns predicted (crack, no_damage, pothole):
     * crack [0 1 0] (A's crack tile); no_damage [4 3 1] (A's empty tile and C's three called crack, B's pothole call,
     * B's three right); pothole [1 0 1] (A found, C called crack). So crack precision 0/5 and recall 0/1; pothole
     * precision 1/2, recall 1/2; no_damage precision 3/4, recall 3/8. Frame-level pothole recall 1/2 (A found, C
     * missed); B, without pothole, has a false pothole tile.
     */
    @Test
    void scoresTilesAndPotholesAsComputedByHand() {
        // GIVEN
        FrameEvaluation evaluation = new FrameEvaluation(CLASSES, TileTruthRule.DEFAULT, 100);
        boolean[] potholeA = new boolean[SIZE * SIZE];
        boolean[] crackA = new boolean[SIZE * SIZE];
        fill(potholeA, 10, 10, 20, 15);      // 300 px in tile (0,0)
        fill(crackA, 140, 10, 100, 2);       // 200 px in tile (128,0)
        fill(crackA, 10, 140, 50, 1);        // 50 px in tile (0,128)
        boolean[] potholeC = new boolean[SIZE * SIZE];
        fill(potholeC, 150, 150, 20, 10);    // 200 px in tile (128,128)
        // WHEN
        evaluation.add(map("pothole", "no_damage", "crack", "crack"), truth(crackA, potholeA));
        evaluation.add(map("pothole", "no_damage", "no_damage", "no_damage"), truth(new boolean[SIZE * SIZE], new boolean[SIZE * SIZE]));
        evaluation.add(map("crack", "crack", "crack", "crack"), truth(new boolean[SIZE * SIZE], potholeC));
        FrameEvaluationReport report = evaluation.report();
        // THEN
        assertThat(report.borderlineTiles()).isEqualTo(1);
        assertThat(report.tiles().matrix().total()).isEqualTo(11);
        assertThat(report.tiles().metricsOf("crack").precision()).isZero();
        assertThat(report.tiles().metricsOf("crack").recall()).isZero();
        assertThat(report.tiles().metricsOf("pothole").precision()).isCloseTo(0.5, within(1e-9));
        assertThat(report.tiles().metricsOf("pothole").recall()).isCloseTo(0.5, within(1e-9));
        assertThat(report.tiles().metricsOf("no_damage").precision()).isCloseTo(3 / 4.0, within(1e-9));
        assertThat(report.tiles().metricsOf("no_damage").recall()).isCloseTo(3 / 8.0, within(1e-9));
        assertThat(report.framesWithPothole()).isEqualTo(2);
        assertThat(report.framePotholeRecall()).isCloseTo(0.5, within(1e-9));
        assertThat(report.framesWithoutPothole()).isEqualTo(1);
        assertThat(report.framesWithFalsePothole()).isEqualTo(1);
        assertThat(report.toText()).contains("frame-level pothole recall 0.500 (1 of 2");
    }

    @Test
    void aPotholeOutsideTheTilesIsCountedApartAndSmallSpecksAreIgnored() {
        // GIVEN tiles only in the bottom row, a pothole in the top row and a 20 px speck in the bottom row
        FrameEvaluation evaluation = new FrameEvaluation(CLASSES, TileTruthRule.DEFAULT, 100);
        boolean[] pothole = new boolean[SIZE * SIZE];
        fill(pothole, 20, 20, 20, 20);
        fill(pothole, 20, 200, 5, 4);
        List<MappedTile> bottom = new ArrayList<>();
        bottom.add(tile(0, 128, "no_damage"));
        bottom.add(tile(128, 128, "no_damage"));
        // WHEN
        evaluation.add(new DamageMap(SIZE, SIZE, List.of(), SIZE * SIZE, new Tiling(128, 128, 0.5), bottom,
                Map.of(), new EnumMap<>(CrackSubtype.class), List.of(), 0.5), truth(new boolean[SIZE * SIZE], pothole));
        // THEN the frame is not scored for potholes; the speck's tile is borderline
        FrameEvaluationReport report = evaluation.report();
        assertThat(report.framesWithPotholeOnlyOutside()).isEqualTo(1);
        assertThat(report.framesWithPothole()).isZero();
        assertThat(report.borderlineTiles()).isEqualTo(1);
        assertThat(report.potholePixelsInTiles()).isCloseTo(20 / 420.0, within(1e-9));
    }

    @Test
    void tilesMostlyOffTheLaneCanBeLeftOut() {
        // GIVEN a lane mask covering the left half of the frame, and no damage anywhere
        FrameEvaluation evaluation = new FrameEvaluation(CLASSES, TileTruthRule.DEFAULT, 100, 0.9);
        boolean[] lane = new boolean[SIZE * SIZE];
        fill(lane, 0, 0, 128, SIZE);
        boolean[] none = new boolean[SIZE * SIZE];
        // WHEN the right-hand tiles are called crack
        evaluation.add(map("no_damage", "crack", "no_damage", "crack"), new FrameTruth(new BinaryMask(SIZE, SIZE, none),
                new BinaryMask(SIZE, SIZE, none), new BinaryMask(SIZE, SIZE, lane)));
        // THEN only the two lane tiles are scored, both right
        FrameEvaluationReport report = evaluation.report();
        assertThat(report.offLaneTiles()).isEqualTo(2);
        assertThat(report.tiles().matrix().total()).isEqualTo(2);
        assertThat(report.tiles().accuracy()).isEqualTo(1.0);
    }

    private static DamageMap map(String topLeft, String topRight, String bottomLeft, String bottomRight) {
        List<MappedTile> tiles = List.of(tile(0, 0, topLeft), tile(128, 0, topRight), tile(0, 128, bottomLeft),
                tile(128, 128, bottomRight));
        return new DamageMap(SIZE, SIZE, List.of(), SIZE * SIZE, new Tiling(128, 128, 0.5), tiles, Map.of(),
                new EnumMap<>(CrackSubtype.class), List.of(), 1);
    }

    private static MappedTile tile(int x, int y, String cls) {
        return new MappedTile(new Tile(y / 128, x / 128, x, y, 128, 1), cls, 0.9, Map.of(cls, 0.9), null);
    }

    private static FrameTruth truth(boolean[] crack, boolean[] pothole) {
        return new FrameTruth(new BinaryMask(SIZE, SIZE, crack), new BinaryMask(SIZE, SIZE, pothole));
    }

    private static void fill(boolean[] mask, int x, int y, int w, int h) {
        for (int j = y; j < y + h; j++) {
            for (int i = x; i < x + w; i++) {
                mask[j * SIZE + i] = true;
            }
        }
    }
}
