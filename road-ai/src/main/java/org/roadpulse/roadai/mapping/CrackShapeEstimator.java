package org.roadpulse.roadai.mapping;

import java.util.Optional;
import org.roadpulse.roadai.images.PatchPixels;

/** Finds the crack pixels in a tile and says how they run; empty when the tile shows too little crack to tell. */
public interface CrackShapeEstimator {

    Optional<CrackShape> estimate(PatchPixels tile);

    /** For mappers that should not look at crack shapes at all. */
    CrackShapeEstimator NONE = tile -> Optional.empty();
}
