package org.roadpulse.roadai.evaluation;

import java.util.Optional;
import org.roadpulse.roadai.images.BinaryMask;
import org.roadpulse.roadai.mapping.Tile;

/**
 * A tile's true class from the hand-made masks: {@code pothole} when at least {@code minPotholeShare} of its pixels
 * are pothole, else {@code crack} when at least {@code minCrackShare} are crack, else {@code no_damage} when it holds
 * no damage pixel at all. A tile with some damage pixels under both thresholds is borderline: it is neither a fair
 * positive nor a fair negative, so it is left out of the tile metrics (and counted).
 *
 * <p>The default 1 % matches the training patches: the fewest crack pixels in a crack patch were 200 of a 160-pixel
 * window (0.8 %), the fewest pothole pixels 174.
 */
public record TileTruthRule(double minPotholeShare, double minCrackShare) {
    public static final String POTHOLE = "pothole";
    public static final String CRACK = "crack";
    public static final String NO_DAMAGE = "no_damage";
    public static final TileTruthRule DEFAULT = new TileTruthRule(0.01, 0.01);

    /** The true class, or empty for a borderline tile. */
    public Optional<String> truthOf(Tile tile, BinaryMask crack, BinaryMask pothole) {
        double area = tile.area();
        int potholePixels = pothole.count(tile.x(), tile.y(), tile.side(), tile.side());
        int crackPixels = crack.count(tile.x(), tile.y(), tile.side(), tile.side());
        if (potholePixels >= minPotholeShare * area) {
            return Optional.of(POTHOLE);
        }
        if (crackPixels >= minCrackShare * area) {
            return Optional.of(CRACK);
        }
        return potholePixels == 0 && crackPixels == 0 ? Optional.of(NO_DAMAGE) : Optional.empty();
    }
}
