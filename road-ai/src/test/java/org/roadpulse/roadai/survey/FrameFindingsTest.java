package org.roadpulse.roadai.survey;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.maintenance.DamageKind;
import org.roadpulse.roadai.maintenance.Finding;
import org.roadpulse.roadai.mapping.CrackArea;
import org.roadpulse.roadai.mapping.CrackSubtype;
import org.roadpulse.roadai.mapping.DamageMap;
import org.roadpulse.roadai.mapping.MappedTile;
import org.roadpulse.roadai.mapping.Tile;
import org.roadpulse.roadai.mapping.Tiling;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that a frame's damage map becomes findings: each pothole tile, each crack area, with areas in m². */
class FrameFindingsTest {

    private static final Instant SEEN = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void potholeTilesAndCrackAreasBecomeFindingsInSquareMetres() {
        // GIVEN a road region of 8 tiles (131,072 px = 84 m² in view), a pothole tile, a half-inside pothole tile,
        // and a crack area of two tiles with a transverse sub-type plus one of unknown sub-type
        double road = 8 * 128 * 128;
        List<MappedTile> tiles = List.of(
                tile(0, 0, 1.0, "pothole", 0.9), tile(0, 1, 0.5, "pothole", 0.7),
                tile(1, 0, 1.0, "crack", 0.8), tile(1, 1, 1.0, "crack", 0.6), tile(1, 3, 1.0, "crack", 0.5),
                tile(0, 2, 1.0, "no_damage", 0.9));
        List<CrackArea> cracks = List.of(
                new CrackArea(List.of(new int[] {1, 0}, new int[] {1, 1}), 0, 128, 256, 128, CrackSubtype.TRANSVERSE),
                new CrackArea(List.<int[]>of(new int[] {1, 3}), 384, 128, 128, 128, null));
        DamageMap map = new DamageMap(1024, 640, List.of(), road, new Tiling(128, 128, 0.5), tiles, Map.of(),
                Map.of(), cracks, 1.0);
        // WHEN
        List<Finding> findings = FrameFindings.of(map, SurveyGeometry.typicalRoofCamera(), SEEN);
        // THEN two potholes of 10.5 m² and 5.25 m², a transverse crack of 21 m² and a crack of unknown sub-type
        assertThat(findings).extracting(Finding::kind).containsExactly(DamageKind.POTHOLE, DamageKind.POTHOLE,
                DamageKind.TRANSVERSE_CRACK, DamageKind.CRACK);
        assertThat(findings.get(0).areaSquareMetres()).isCloseTo(84 / 8.0, Offset.offset(1e-9));
        assertThat(findings.get(1).areaSquareMetres()).isCloseTo(84 / 16.0, Offset.offset(1e-9));
        assertThat(findings.get(2).areaSquareMetres()).isCloseTo(84 / 4.0, Offset.offset(1e-9));
        assertThat(findings.get(2).confidence()).isCloseTo(0.7, Offset.offset(1e-9));
        assertThat(findings).allSatisfy(f -> assertThat(f.seenAt()).isEqualTo(SEEN));
    }

    private static MappedTile tile(int row, int column, double inside, String className, double confidence) {
        return new MappedTile(new Tile(row, column, column * 128, 256 + row * 128, 128, inside), className, confidence,
                Map.of(className, confidence), null);
    }
}
