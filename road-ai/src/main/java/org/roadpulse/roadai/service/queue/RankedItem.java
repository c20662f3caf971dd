package org.roadpulse.roadai.service.queue;

import org.roadpulse.roadai.service.domain.MaintenanceItem;
import org.roadpulse.roadai.maintenance.Priority;
import org.roadpulse.roadai.roads.RoadSegment;

/** An item at its place in the list (1 = most urgent), with its road and the priority broken down. */
public record RankedItem(int rank, MaintenanceItem item, RoadSegment segment, Priority priority) {
}
