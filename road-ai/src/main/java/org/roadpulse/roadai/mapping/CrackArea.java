package org.roadpulse.roadai.mapping;

import java.util.List;

/**
 * Neighbouring crack tiles (sharing an edge on the grid) taken together: one cracked stretch of road, the unit a
 * maintenance list would name.
 *
 * @param tiles       grid {row, column} of the member tiles
 * @param x           bounding box of the member tiles in pixels
 * @param y           bounding box of the member tiles in pixels
 * @param width       bounding box of the member tiles in pixels
 * @param height      bounding box of the member tiles in pixels
 * @param subtype     the members' sub-types combined by {@link CrackAreas}; null when no member had enough crack to tell
 */
public record CrackArea(List<int[]> tiles, int x, int y, int width, int height, CrackSubtype subtype) {
}
