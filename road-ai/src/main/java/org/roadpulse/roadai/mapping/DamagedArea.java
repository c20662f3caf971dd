package org.roadpulse.roadai.mapping;

/**
 * Road area covered by the tiles of one class: the union of those tiles clipped to the road region.
 *
 * @param pixels      in square pixels of the frame
 * @param shareOfRoad of the road region's area (0..1)
 */
public record DamagedArea(double pixels, double shareOfRoad) {
}
