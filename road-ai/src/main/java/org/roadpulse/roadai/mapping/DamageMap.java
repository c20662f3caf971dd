package org.roadpulse.roadai.mapping;

import java.util.List;
import java.util.Map;

/**
 * What the mapper found in one frame.
 *
 * @param frameWidth       frame size in pixels
 * @param frameHeight      frame size in pixels
 * @param roadPolygon      the road region in the frame's pixels, corners as {x, y}
 * @param roadAreaPixels   area of the road region
 * @param tiling           how the tiles were laid
 * @param tiles            every tile laid on the road, with its verdict
 * @param areas            per class: the road area its tiles cover (classes that no tile got have zero)
 * @param crackSubtypes    per sub-type: how many crack tiles were given it (crack tiles too faint to tell are left out)
 * @param crackAreas       neighbouring crack tiles grouped, each group with one sub-type
 * @param tiledShareOfRoad how much of the road region the tiles cover at all
 */
public record DamageMap(int frameWidth, int frameHeight, List<double[]> roadPolygon, double roadAreaPixels,
                        Tiling tiling, List<MappedTile> tiles, Map<String, DamagedArea> areas,
                        Map<CrackSubtype, Integer> crackSubtypes, List<CrackArea> crackAreas, double tiledShareOfRoad) {

    public long tilesOf(String className) {
        return tiles.stream().filter(t -> t.className().equals(className)).count();
    }
}
