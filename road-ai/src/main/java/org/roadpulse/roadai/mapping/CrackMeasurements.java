package org.roadpulse.roadai.mapping;

/**
 * What image analysis found out about the crack pixels of one tile.
 *
 * @param crackPixels    pixels taken for crack (dark, thin) after removing specks
 * @param skeletonPixels pixels of the one-pixel-wide centre lines of those cracks (a length in pixels)
 * @param angleDeg       principal direction of the skeleton, 0 = horizontal (across the road) .. 90 = vertical (along it)
 * @param anisotropy     how strongly the skeleton follows that direction, 0 (no direction) .. 1 (a straight line)
 * @param junctions      places where three or more skeleton branches meet
 * @param meshCells      closed cells enclosed by crack pixels (holes of the crack mask)
 */
public record CrackMeasurements(int crackPixels, int skeletonPixels, double angleDeg, double anisotropy,
                                int junctions, int meshCells) {
}
