package org.roadpulse.roadai.maintenance;

/**
 * The staff's workflow: new → confirmed or rejected → scheduled (and rescheduled) → repaired; a later drive that sees
 * the damage again reopens a repaired item (confirmed), one that does not verifies the repair. A drive that sees an
 * open or rejected item again changes nothing here (the item only gets a newer sighting).
 */
public final class Workflow {

    private Workflow() {
    }

    /** The status after the action, or {@link TransitionRefusedException} when the current status forbids it. */
    public static ItemStatus next(ItemStatus current, ItemAction action) {
        ItemStatus next = null;
        if (action instanceof ItemAction.Confirm) {
            next = current == ItemStatus.NEW ? ItemStatus.CONFIRMED : null;
        } else if (action instanceof ItemAction.Reject) {
            next = current == ItemStatus.NEW || current == ItemStatus.CONFIRMED ? ItemStatus.REJECTED : null;
        } else if (action instanceof ItemAction.Schedule) {
            next = current == ItemStatus.CONFIRMED || current == ItemStatus.SCHEDULED ? ItemStatus.SCHEDULED : null;
        } else if (action instanceof ItemAction.MarkRepaired) {
            next = current == ItemStatus.CONFIRMED || current == ItemStatus.SCHEDULED ? ItemStatus.REPAIRED : null;
        } else if (action instanceof ItemAction.SeenAgain) {
            next = current == ItemStatus.REPAIRED || current == ItemStatus.VERIFIED ? ItemStatus.CONFIRMED : current;
        } else if (action instanceof ItemAction.NotSeenAgain) {
            next = current == ItemStatus.REPAIRED ? ItemStatus.VERIFIED : current;
        }
        if (next == null) {
            throw new TransitionRefusedException(current, action.name());
        }
        return next;
    }
}
