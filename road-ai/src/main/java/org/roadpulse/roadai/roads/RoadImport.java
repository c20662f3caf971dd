package org.roadpulse.roadai.roads;

import java.util.List;

/**
 * What an import of road segments gave: the segments it accepted and, per refused feature, why — one bad feature
 * never blocks the good ones.
 *
 * @param refused one line per refused feature: its position in the file (0-based), its id if it had one, the reason
 */
public record RoadImport(List<RoadSegment> accepted, List<Refusal> refused) {

    public record Refusal(int feature, String id, String reason) {
    }

    public RoadImport {
        accepted = List.copyOf(accepted);
        refused = List.copyOf(refused);
    }
}
