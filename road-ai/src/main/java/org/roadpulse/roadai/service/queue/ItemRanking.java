package org.roadpulse.roadai.service.queue;

import org.roadpulse.roadai.service.domain.MaintenanceItem;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roadpulse.roadai.maintenance.ItemStatus;
import org.roadpulse.roadai.maintenance.Priority;
import org.roadpulse.roadai.maintenance.PriorityInputs;
import org.roadpulse.roadai.maintenance.PriorityRules;
import org.roadpulse.roadai.roads.RoadSegment;
import org.roadpulse.roadai.service.storage.PgItems;
import org.roadpulse.roadai.service.storage.PgMunicipalities;
import org.roadpulse.roadai.service.traffic.TrafficSource;

/**
 * A municipality's list in the order staff work it: {@link Priority#MOST_URGENT_FIRST} with the municipality's
 * weights, the traffic of each road, and ties broken by the older item. Ranked when asked, so new weights or traffic
 * figures apply at once.
 */
@Singleton
public final class ItemRanking {

    private final PgItems items;
    private final PgMunicipalities municipalities;
    private final RoadNetworks networks;
    private final TrafficSource traffic;
    private final Clock clock = Clock.systemUTC();

    public ItemRanking(PgItems items, PgMunicipalities municipalities, RoadNetworks networks, TrafficSource traffic) {
        this.items = items;
        this.municipalities = municipalities;
        this.networks = networks;
        this.traffic = traffic;
    }

    public List<RankedItem> rank(String ags, ItemFilter filter) {
        PriorityRules rules = new PriorityRules(municipalities.weights(ags));
        Map<String, RoadSegment> segments = new HashMap<>();
        for (RoadSegment segment : networks.of(ags).segments()) {
            segments.put(segment.id(), segment);
        }
        record Scored(MaintenanceItem item, RoadSegment segment, Priority priority) {
        }
        List<Scored> scored = new ArrayList<>();
        for (MaintenanceItem item : items.of(ags)) {
            if (filter.admits(item)) {
                RoadSegment segment = segments.get(item.segmentId());
                scored.add(new Scored(item, segment, assess(rules, item, segment)));
            }
        }
        scored.sort(Comparator.comparing(Scored::priority, Priority.MOST_URGENT_FIRST)
                .thenComparing(s -> s.item().firstSeen()).thenComparing(s -> s.item().id()));
        List<RankedItem> ranked = new ArrayList<>();
        for (Scored s : scored) {
            ranked.add(new RankedItem(ranked.size() + 1, s.item(), s.segment(), s.priority()));
        }
        return ranked;
    }

    /** One item with its priority, wherever it stands. */
    public RankedItem one(String ags, long id) {
        MaintenanceItem item = items.find(ags, id).orElseThrow(() -> new ItemNotFoundException(ags, id));
        RoadSegment segment = networks.of(ags).segments().stream().filter(s -> s.id().equals(item.segmentId()))
                .findFirst().orElseThrow();
        int rank = 0;
        for (RankedItem r : rank(ags, ItemFilter.WORKING_LIST)) {
            if (r.item().id() == id) {
                rank = r.rank();
            }
        }
        return new RankedItem(rank, item, segment, assess(new PriorityRules(municipalities.weights(ags)), item,
                segment));
    }

    private Priority assess(PriorityRules rules, MaintenanceItem item, RoadSegment segment) {
        boolean confirmed = item.status() == ItemStatus.CONFIRMED || item.status() == ItemStatus.SCHEDULED;
        PriorityInputs inputs = new PriorityInputs(item.grade(), item.largestPotholeSquareMetres(),
                traffic.on(segment), segment.roadClass(), item.firstSeen(),
                confirmed ? 1.0 : Math.min(1.0, item.confidence()));
        return rules.assess(inputs, clock.instant());
    }
}
