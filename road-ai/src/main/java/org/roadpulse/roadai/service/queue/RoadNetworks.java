package org.roadpulse.roadai.service.queue;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.roadpulse.roadai.roads.RoadNetwork;
import org.roadpulse.roadai.service.storage.PgRoadSegments;

/** Each municipality's road network, indexed once and rebuilt after a road import. */
@Singleton
public final class RoadNetworks {

    private final PgRoadSegments segments;
    private final Map<String, RoadNetwork> networks = new ConcurrentHashMap<>();

    public RoadNetworks(PgRoadSegments segments) {
        this.segments = segments;
    }

    public RoadNetwork of(String ags) {
        return networks.computeIfAbsent(ags, a -> new RoadNetwork(segments.of(a)));
    }

    public void changed(String ags) {
        networks.remove(ags);
    }
}
