package org.roadpulse.roadai.survey;

import org.roadpulse.roadai.maintenance.DamageKind;
import org.roadpulse.roadai.maintenance.Finding;
import org.roadpulse.roadai.mapping.CrackArea;
import org.roadpulse.roadai.mapping.CrackSubtype;
import org.roadpulse.roadai.mapping.DamageMap;
import org.roadpulse.roadai.mapping.MappedTile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a frame's damage map into findings for the list: one per pothole tile, one per crack area (neighbouring crack
 * tiles, with their combined sub-type). Areas are the tiles' road area in square metres (see {@link SurveyGeometry});
 * confidence is the tile's, or a crack area's mean.
 */
public final class FrameFindings {

    public static final String POTHOLE = "pothole";
    public static final String CRACK = "crack";

    private FrameFindings() {
    }

    public static List<Finding> of(DamageMap map, SurveyGeometry geometry, Instant seenAt) {
        double squareMetresPerPixel = map.roadAreaPixels() > 0
                ? geometry.roadSquareMetresInView() / map.roadAreaPixels() : 0;
        List<Finding> findings = new ArrayList<>();
        Map<Long, MappedTile> byCell = new HashMap<>();
        for (MappedTile tile : map.tiles()) {
            byCell.put(cell(tile.tile().row(), tile.tile().column()), tile);
            if (tile.className().equals(POTHOLE)) {
                findings.add(new Finding(DamageKind.POTHOLE, roadArea(tile) * squareMetresPerPixel,
                        tile.confidence(), seenAt));
            }
        }
        for (CrackArea area : map.crackAreas()) {
            double pixels = 0;
            double confidence = 0;
            for (int[] rowColumn : area.tiles()) {
                MappedTile tile = byCell.get(cell(rowColumn[0], rowColumn[1]));
                pixels += roadArea(tile);
                confidence += tile.confidence();
            }
            findings.add(new Finding(kind(area.subtype()), pixels * squareMetresPerPixel,
                    confidence / area.tiles().size(), seenAt));
        }
        return findings;
    }

    private static double roadArea(MappedTile tile) {
        return tile.tile().area() * tile.tile().insideShare();
    }

    private static DamageKind kind(CrackSubtype subtype) {
        if (subtype == null) {
            return DamageKind.CRACK;
        }
        return switch (subtype) {
            case LONGITUDINAL -> DamageKind.LONGITUDINAL_CRACK;
            case TRANSVERSE -> DamageKind.TRANSVERSE_CRACK;
            case ALLIGATOR -> DamageKind.ALLIGATOR_CRACK;
        };
    }

    private static long cell(int row, int column) {
        return ((long) row << 32) | (column & 0xFFFFFFFFL);
    }
}
