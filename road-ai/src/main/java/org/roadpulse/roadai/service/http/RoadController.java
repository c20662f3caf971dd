package org.roadpulse.roadai.service.http;

import org.roadpulse.roadai.service.access.Staff;
import io.swagger.v3.oas.annotations.Parameter;
import io.micronaut.security.annotation.Secured;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.roadpulse.roadai.roads.GeoJsonRoads;
import org.roadpulse.roadai.roads.GeoPoint;
import org.roadpulse.roadai.roads.RoadImport;
import org.roadpulse.roadai.roads.RoadSegment;
import org.roadpulse.roadai.service.queue.InvalidParameterException;
import org.roadpulse.roadai.service.queue.RoadNetworks;
import org.roadpulse.roadai.service.storage.PgRoadSegments;

/** A municipality's road network: imported from GeoJSON (e.g. an OpenStreetMap export), read back for the map. */
@Controller("/api/v1/municipalities/{ags}/roads")
@Secured({AccessRules.MAINTENANCE, AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Roads")
final class RoadController {

    private static final String GEOJSON = "application/geo+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scope scope;
    private final PgRoadSegments segments;
    private final RoadNetworks networks;

    RoadController(Scope scope, PgRoadSegments segments, RoadNetworks networks) {
        this.scope = scope;
        this.segments = segments;
        this.networks = networks;
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, GEOJSON})
    @Operation(summary = "Imports road segments from a GeoJSON FeatureCollection of LineStrings", description = """
            Properties: `id`, `name`, `roadClass` (FEDERAL, STATE, DISTRICT, MUNICIPAL_MAIN, RESIDENTIAL, PATH) or \
            OSM `highway`, optional `ags` (must be this municipality's) and `siteId` (the measurement site whose \
            flow figures give the road's traffic). One line per refused feature; the good ones are stored. A segment \
            imported again replaces the earlier one. Municipal admins and operators; the audit trail keeps who \
            imported, with the counts and the segment ids.""")
    @Secured({AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
    Replies.RoadImportReply importRoads(String ags, @Parameter(hidden = true) Staff staff, @Body String geoJson) {
        String scoped = scope.of(ags, staff).ags();
        String by = staff.username();
        RoadImport read;
        try {
            read = new GeoJsonRoads().read(geoJson, scoped);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("body", e.getMessage());
        }
        List<RoadSegment> accepted = new ArrayList<>();
        List<Replies.RoadImportReply.Refusal> refused = new ArrayList<>();
        read.refused().forEach(r -> refused.add(new Replies.RoadImportReply.Refusal(r.feature(), r.id(), r.reason())));
        for (RoadSegment segment : read.accepted()) {
            if (segment.municipality().equals(scoped)) {
                accepted.add(segment);
            } else {
                refused.add(new Replies.RoadImportReply.Refusal(-1, segment.id(), "belongs to municipality "
                        + segment.municipality() + ", not " + scoped));
            }
        }
        segments.save(scoped, accepted, by, summary(accepted, refused), Instant.now());
        networks.changed(scoped);
        return new Replies.RoadImportReply(accepted.size(), refused);
    }

    /** What the audit trail keeps of an import: the counts and the first ids (an import may hold thousands). */
    private static String summary(List<RoadSegment> accepted, List<Replies.RoadImportReply.Refusal> refused) {
        int shown = 20;
        String ids = String.join(", ", accepted.stream().limit(shown).map(RoadSegment::id).toList())
                + (accepted.size() > shown ? ", …" : "");
        return "accepted " + accepted.size() + (accepted.isEmpty() ? "" : " (" + ids + ")") + ", refused "
                + refused.size();
    }

    @Get(produces = GEOJSON)
    @Operation(summary = "The municipality's road segments as GeoJSON")
    HttpResponse<String> roads(String ags, @Parameter(hidden = true) Staff staff) {
        ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (RoadSegment segment : segments.of(scope.of(ags, staff).ags())) {
            ObjectNode feature = features.addObject().put("type", "Feature");
            ArrayNode line = feature.putObject("geometry").put("type", "LineString").putArray("coordinates");
            for (GeoPoint p : segment.line()) {
                line.addArray().add(p.longitude()).add(p.latitude());
            }
            feature.putObject("properties").put("id", segment.id()).put("name", segment.name())
                    .put("roadClass", segment.roadClass().name()).put("siteId", segment.siteId());
        }
        return HttpResponse.ok(collection.toString()).contentType(GEOJSON);
    }
}
