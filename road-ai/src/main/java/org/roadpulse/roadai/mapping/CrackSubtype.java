package org.roadpulse.roadai.mapping;

/**
 * The kind of crack, by the direction it runs relative to the driving direction. In a forward-looking frame the
 * driving direction is vertical, so a longitudinal crack runs up the image and a transverse one across it.
 */
public enum CrackSubtype {
    /** Along the road (roughly vertical in the image): typically wheel-path fatigue or a lane joint. */
    LONGITUDINAL,
    /** Across the road (roughly horizontal in the image): typically thermal shrinkage. */
    TRANSVERSE,
    /** A mesh of connected cracks ("crocodile" cracking): fatigue of the whole layer, the most severe kind. */
    ALLIGATOR
}
