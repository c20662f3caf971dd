package org.roadpulse.roadai.maintenance;

/** Where a maintenance item stands in the staff's workflow (see {@link Workflow}). */
public enum ItemStatus {
    /** Found by the model, not yet looked at by a person. */
    NEW,
    /** A person agreed it is damage (also: a repaired item a later drive saw again). */
    CONFIRMED,
    /** A person said it is not damage: a false positive, kept as a labelled example. */
    REJECTED,
    /** A repair is planned for a date and crew. */
    SCHEDULED,
    /** The crew reported it repaired; a later drive verifies. */
    REPAIRED,
    /** A drive after the repair no longer found the damage. */
    VERIFIED;

    /** Still on the working list. */
    public boolean open() {
        return this == NEW || this == CONFIRMED || this == SCHEDULED;
    }
}
