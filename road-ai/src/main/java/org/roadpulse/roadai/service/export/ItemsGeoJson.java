package org.roadpulse.roadai.service.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.roadpulse.roadai.maintenance.PriorityTerm;
import org.roadpulse.roadai.service.domain.MaintenanceItem;
import org.roadpulse.roadai.service.queue.RankedItem;

/**
 * The list as a GeoJSON FeatureCollection of points (WGS 84), as QGIS reads it; properties as in the CSV, and each
 * "why here" term with its English basis and, as in the API, its facts.
 */
public final class ItemsGeoJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemsGeoJson() {
    }

    public static String of(List<RankedItem> ranked) {
        ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (RankedItem r : ranked) {
            MaintenanceItem i = r.item();
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.put("id", i.id());
            ObjectNode point = feature.putObject("geometry").put("type", "Point");
            point.putArray("coordinates").add(i.longitude()).add(i.latitude());
            ObjectNode p = feature.putObject("properties");
            p.put("rank", r.rank()).put("id", i.id()).put("status", i.status().name().toLowerCase(Locale.ROOT))
                    .put("class", i.damageClass()).put("kind", i.kind().name().toLowerCase(Locale.ROOT))
                    .put("rddCode", i.kind().rddCode()).put("grade", i.grade().value())
                    .put("safetyCritical", r.priority().safetyCritical()).put("score", r.priority().score())
                    .put("segmentId", i.segmentId()).put("road", r.segment().name())
                    .put("roadClass", r.segment().roadClass().germanName()).put("section", i.section())
                    .put("firstSeen", i.firstSeen().toString()).put("lastSeen", i.lastSeen().toString())
                    .put("assignee", i.assignee())
                    .put("scheduledFor", i.scheduledFor() == null ? null : i.scheduledFor().toString())
                    .put("crew", i.crew());
            ArrayNode terms = p.putArray("why");
            for (PriorityTerm t : r.priority().terms()) {
                terms.addObject().put("term", t.term()).put("basis", t.basis()).put("points", t.points())
                        .set("facts", JSON.valueToTree(WhyFacts.of(t.facts())));
            }
        }
        return collection.toString();
    }
}
