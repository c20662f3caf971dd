package org.roadpulse.roadai.service.traffic;

import org.roadpulse.roadai.maintenance.Traffic;
import org.roadpulse.roadai.roads.RoadSegment;

/** The traffic a road carries, measured where a site counts it, else its class's default; its source says which. */
public interface TrafficSource {

    Traffic on(RoadSegment segment);
}
