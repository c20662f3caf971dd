package org.roadpulse.roadai.evaluation;

import java.util.Locale;

/**
 * Figures of a {@link FrameEvaluation}.
 *
 * @param frames                      frames scored
 * @param tiles                       per-class tile precision/recall and the tile confusion matrix
 * @param borderlineTiles             tiles left out of the tile metrics (a little damage, under the thresholds)
 * @param offLaneTiles                tiles left out because they lie mostly off the lane mask (only when asked for)
 * @param framesWithPothole           frames with at least one pothole reaching into the tiles
 * @param framesWithPotholeFound      of those, frames where at least one pothole was found
 * @param framesWithPotholeOnlyOutside frames whose potholes all lie outside the tiles (not scored)
 * @param framesWithoutPothole        frames with no pothole at all
 * @param framesWithFalsePothole      of those, frames where some tile was still predicted pothole
 * @param potholes                    potholes reaching into the tiles, over all frames
 * @param potholesFound               of those, potholes touched by a tile predicted pothole
 * @param crackPixelsInTiles          share of all crack mask pixels that lie inside the tiles
 * @param potholePixelsInTiles        share of all pothole mask pixels that lie inside the tiles
 */
public record FrameEvaluationReport(int frames, EvaluationReport tiles, int borderlineTiles, int offLaneTiles,
                                    int framesWithPothole,
                                    int framesWithPotholeFound, int framesWithPotholeOnlyOutside,
                                    int framesWithoutPothole, int framesWithFalsePothole, int potholes,
                                    int potholesFound, double crackPixelsInTiles, double potholePixelsInTiles) {

    public double framePotholeRecall() {
        return framesWithPothole == 0 ? 0 : (double) framesWithPotholeFound / framesWithPothole;
    }

    public double potholeRecall() {
        return potholes == 0 ? 0 : (double) potholesFound / potholes;
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "tiles (%d scored, %d borderline left out%s)%n", tiles.matrix().total(),
                borderlineTiles, offLaneTiles > 0 ? ", " + offLaneTiles + " off the lane mask left out" : ""));
        out.append(tiles.toText()).append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, "frame-level pothole recall %.3f (%d of %d frames with a pothole)%n",
                framePotholeRecall(), framesWithPotholeFound, framesWithPothole));
        out.append(String.format(Locale.ROOT, "pothole recall (each pothole) %.3f (%d of %d)%n", potholeRecall(),
                potholesFound, potholes));
        out.append(String.format(Locale.ROOT, "frames without pothole with a false pothole tile: %d of %d%n",
                framesWithFalsePothole, framesWithoutPothole));
        out.append(String.format(Locale.ROOT, "frames whose potholes all lie outside the tiles (not scored): %d%n",
                framesWithPotholeOnlyOutside));
        out.append(String.format(Locale.ROOT, "mask pixels inside the tiles: crack %.1f %%, pothole %.1f %%  (%d frames)%n",
                100 * crackPixelsInTiles, 100 * potholePixelsInTiles, frames));
        return out.toString();
    }
}
