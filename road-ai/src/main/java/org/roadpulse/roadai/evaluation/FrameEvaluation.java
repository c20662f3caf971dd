package org.roadpulse.roadai.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.roadpulse.roadai.images.BinaryMask;
import org.roadpulse.roadai.mapping.DamageMap;
import org.roadpulse.roadai.mapping.MappedTile;
import org.roadpulse.roadai.mapping.Tile;

/**
 * Scores damage maps against the frames' masks, frame by frame.
 * <ul>
 *   <li>Tiles: true class by the {@link TileTruthRule}, predicted class from the map; a confusion matrix over all
 *       frames gives precision and recall per class.</li>
 *   <li>Potholes: a pothole is a connected group (8-neighbourhood) of at least {@code minPotholePixels} mask pixels
 *       with at least one pixel inside a laid tile; potholes wholly outside the tiles are counted apart, since the
 *       road region, not the classifier, missed them. A pothole is <em>found</em> when a tile predicted pothole holds at
 *       least one of its pixels. A frame with a pothole counts as found when at least one of its potholes is found.</li>
 * </ul>
 */
public final class FrameEvaluation {
    private final TileTruthRule rule;
    private final int minPotholePixels;
    private final double minLaneShare;
    private final ConfusionMatrix tiles;
    private int frames;
    private int borderlineTiles;
    private int offLaneTiles;
    private int framesWithPothole;
    private int framesWithPotholeFound;
    private int framesWithPotholeOnlyOutside;
    private int framesWithoutPothole;
    private int framesWithFalsePothole;
    private int potholes;
    private int potholesFound;
    private long crackPixels;
    private long crackPixelsInTiles;
    private long potholePixels;
    private long potholePixelsInTiles;

    public FrameEvaluation(List<String> classes, TileTruthRule rule, int minPotholePixels) {
        this(classes, rule, minPotholePixels, 0);
    }

    /**
     * @param minLaneShare when above 0, tiles with less than this share of lane-mask pixels are left out of the tile
     *                     metrics (and counted): a view of the classifier on the road surface alone
     */
    public FrameEvaluation(List<String> classes, TileTruthRule rule, int minPotholePixels, double minLaneShare) {
        for (String needed : List.of(TileTruthRule.CRACK, TileTruthRule.POTHOLE, TileTruthRule.NO_DAMAGE)) {
            if (!classes.contains(needed)) {
                throw new IllegalArgumentException("frame evaluation needs the class '" + needed + "'; the model has "
                        + classes);
            }
        }
        this.rule = rule;
        this.minPotholePixels = minPotholePixels;
        this.minLaneShare = minLaneShare;
        this.tiles = new ConfusionMatrix(classes);
    }

    public void add(DamageMap map, FrameTruth truth) {
        if (truth.crack().width() != map.frameWidth() || truth.crack().height() != map.frameHeight()
                || truth.pothole().width() != map.frameWidth() || truth.pothole().height() != map.frameHeight()) {
            throw new IllegalArgumentException("masks " + truth.crack().size() + "/" + truth.pothole().size()
                    + " do not match the frame " + map.frameWidth() + "x" + map.frameHeight());
        }
        frames++;
        for (MappedTile mapped : map.tiles()) {
            if (offLane(mapped.tile(), truth.lane())) {
                offLaneTiles++;
                continue;
            }
            Optional<String> actual = rule.truthOf(mapped.tile(), truth.crack(), truth.pothole());
            if (actual.isPresent()) {
                tiles.add(tiles.classes().indexOf(actual.get()), tiles.classes().indexOf(mapped.className()));
            } else {
                borderlineTiles++;
            }
        }
        countPotholes(map, truth.pothole());
        boolean[] covered = covered(map);
        crackPixels += truth.crack().count();
        crackPixelsInTiles += countInside(truth.crack(), covered);
        potholePixels += truth.pothole().count();
        potholePixelsInTiles += countInside(truth.pothole(), covered);
    }

    private boolean offLane(Tile tile, BinaryMask lane) {
        if (minLaneShare <= 0) {
            return false;
        }
        if (lane == null) {
            throw new IllegalArgumentException("scoring only lane tiles needs the lane mask");
        }
        return lane.count(tile.x(), tile.y(), tile.side(), tile.side()) < minLaneShare * tile.area();
    }

    private void countPotholes(DamageMap map, BinaryMask pothole) {
        List<Tile> laid = map.tiles().stream().map(MappedTile::tile).toList();
        List<Tile> predicted = map.tiles().stream().filter(t -> t.className().equals(TileTruthRule.POTHOLE))
                .map(MappedTile::tile).toList();
        int inFrame = 0;
        int found = 0;
        int outside = 0;
        for (int[] component : pothole.components()) {
            if (component.length < minPotholePixels) {
                continue;
            }
            if (!anyPixelIn(component, laid, pothole.width())) {
                outside++;
                continue;
            }
            inFrame++;
            if (anyPixelIn(component, predicted, pothole.width())) {
                found++;
            }
        }
        potholes += inFrame;
        potholesFound += found;
        if (inFrame > 0) {
            framesWithPothole++;
            framesWithPotholeFound += found > 0 ? 1 : 0;
        } else if (outside > 0) {
            framesWithPotholeOnlyOutside++;
        } else {
            framesWithoutPothole++;
            framesWithFalsePothole += predicted.isEmpty() ? 0 : 1;
        }
    }

    private static boolean anyPixelIn(int[] component, List<Tile> tiles, int width) {
        for (Tile tile : tiles) {
            for (int p : component) {
                int x = p % width;
                int y = p / width;
                if (x >= tile.x() && x < tile.x() + tile.side() && y >= tile.y() && y < tile.y() + tile.side()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean[] covered(DamageMap map) {
        boolean[] covered = new boolean[map.frameWidth() * map.frameHeight()];
        for (MappedTile mapped : map.tiles()) {
            Tile t = mapped.tile();
            for (int y = t.y(); y < t.y() + t.side(); y++) {
                Arrays.fill(covered, y * map.frameWidth() + t.x(), y * map.frameWidth() + t.x() + t.side(), true);
            }
        }
        return covered;
    }

    private static long countInside(BinaryMask mask, boolean[] covered) {
        long n = 0;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (covered[y * mask.width() + x] && mask.isSet(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    public FrameEvaluationReport report() {
        return new FrameEvaluationReport(frames, EvaluationReport.of(tiles), borderlineTiles, offLaneTiles, framesWithPothole,
                framesWithPotholeFound, framesWithPotholeOnlyOutside, framesWithoutPothole, framesWithFalsePothole,
                potholes, potholesFound, share(crackPixelsInTiles, crackPixels), share(potholePixelsInTiles, potholePixels));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
