package org.roadpulse.roadai.maintenance;

/** An action that the item's current status does not allow, e.g. scheduling a rejected item. */
public final class TransitionRefusedException extends RuntimeException {

    private final ItemStatus from;
    private final String action;

    public TransitionRefusedException(ItemStatus from, String action) {
        super("an item that is " + from.name().toLowerCase(java.util.Locale.ROOT) + " cannot be given '" + action
                + "'");
        this.from = from;
        this.action = action;
    }

    public ItemStatus from() {
        return from;
    }

    public String action() {
        return action;
    }
}
