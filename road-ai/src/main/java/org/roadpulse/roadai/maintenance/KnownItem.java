package org.roadpulse.roadai.maintenance;

/** An item already on the list, as far as a new drive needs to know it. */
public record KnownItem(long id, String segmentId, int section, boolean crack, ItemStatus status) {
}
