package org.roadpulse.roadai.roads;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stretch of road of the network a municipality maintains: a line of positions, its name and class, the
 * municipality (AGS) it belongs to and, when one counts its traffic, the measurement site of the flow history.
 */
public record RoadSegment(String id, String name, RoadClass roadClass, String municipality, String siteId,
                          List<GeoPoint> line) {

    public RoadSegment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roadClass, "roadClass");
        Objects.requireNonNull(municipality, "municipality");
        line = List.copyOf(line);
        if (line.size() < 2) {
            throw new IllegalArgumentException("a road segment needs at least two positions");
        }
        name = name == null ? "" : name;
    }

    public Optional<String> site() {
        return Optional.ofNullable(siteId);
    }
}
