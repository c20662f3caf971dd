package org.roadpulse.roadai.maintenance;

/**
 * What a finding is, in the classes of road-damage research (RDD codes) that the damage mapper can tell apart: the
 * model says crack or pothole; the crack's sub-type comes from the orientation and branching of its pixels.
 */
public enum DamageKind {
    LONGITUDINAL_CRACK("D00"),
    TRANSVERSE_CRACK("D10"),
    ALLIGATOR_CRACK("D20"),
    /** A crack too faint or short for its pixels to tell the sub-type; graded like a longitudinal one. */
    CRACK("D0x"),
    POTHOLE("D40");

    private final String rddCode;

    DamageKind(String rddCode) {
        this.rddCode = rddCode;
    }

    public String rddCode() {
        return rddCode;
    }

    /** Cracks of every sub-type are one item on the list; a pothole is another. */
    public boolean isCrack() {
        return this != POTHOLE;
    }
}
