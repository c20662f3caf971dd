package org.roadpulse.roadai.mapping;

import java.util.Map;

/**
 * A tile with the classifier's verdict.
 *
 * @param className     the most probable class
 * @param confidence    its probability
 * @param probabilities every class's probability, in the classifier's class order
 * @param crackShape    for tiles classified as crack: the estimated sub-type, or null when the tile showed too little
 */
public record MappedTile(Tile tile, String className, double confidence, Map<String, Double> probabilities,
                         CrackShape crackShape) {
}
