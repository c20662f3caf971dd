package org.roadpulse.roadai.roads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads road segments from a GeoJSON FeatureCollection of LineStrings (MultiLineStrings become one segment per part),
 * e.g. an OpenStreetMap export. Properties: {@code id} (or OSM's {@code @id} / {@code osm_id}), {@code name},
 * {@code roadClass} (a {@link RoadClass} name) or OSM's {@code highway} tag, {@code ags} (or {@code municipality}),
 * and optionally {@code siteId}, the measurement site counting the segment's traffic. A file-wide default
 * municipality fills in for features without one.
 */
public final class GeoJsonRoads {

    /** How German OSM tagging maps onto road classes (primary = Bundesstraße, secondary = Landesstraße, …). */
    private static final Map<String, RoadClass> OSM_HIGHWAY = Map.ofEntries(
            Map.entry("motorway", RoadClass.FEDERAL), Map.entry("trunk", RoadClass.FEDERAL),
            Map.entry("primary", RoadClass.FEDERAL), Map.entry("secondary", RoadClass.STATE),
            Map.entry("tertiary", RoadClass.DISTRICT), Map.entry("unclassified", RoadClass.MUNICIPAL_MAIN),
            Map.entry("residential", RoadClass.RESIDENTIAL), Map.entry("living_street", RoadClass.RESIDENTIAL),
            Map.entry("service", RoadClass.RESIDENTIAL), Map.entry("track", RoadClass.PATH),
            Map.entry("cycleway", RoadClass.PATH), Map.entry("path", RoadClass.PATH));

    private final ObjectMapper json = new ObjectMapper();

    /** Reads the collection; a file that is not a GeoJSON FeatureCollection is an {@link IllegalArgumentException}. */
    public RoadImport read(String geoJson, String defaultMunicipality) {
        JsonNode root;
        try {
            root = json.readTree(geoJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())
                || !root.path("features").isArray()) {
            throw new IllegalArgumentException("expected a GeoJSON FeatureCollection with a features array");
        }
        List<RoadSegment> accepted = new ArrayList<>();
        List<RoadImport.Refusal> refused = new ArrayList<>();
        int position = 0;
        for (JsonNode feature : root.path("features")) {
            String id = text(feature.path("properties"), "id", "@id", "osm_id").orElse(null);
            try {
                accepted.addAll(segments(feature, id, position, defaultMunicipality));
            } catch (IllegalArgumentException e) {
                refused.add(new RoadImport.Refusal(position, id, e.getMessage()));
            }
            position++;
        }
        return new RoadImport(accepted, refused);
    }

    private List<RoadSegment> segments(JsonNode feature, String id, int position, String defaultMunicipality) {
        JsonNode properties = feature.path("properties");
        String municipality = text(properties, "ags", "municipality").orElse(defaultMunicipality);
        if (municipality == null || !municipality.matches("\\d{8}")) {
            throw new IllegalArgumentException("needs the municipality's 8-digit AGS in 'ags', got " + municipality);
        }
        RoadClass roadClass = roadClass(properties);
        String name = text(properties, "name").orElse("");
        String site = text(properties, "siteId").orElse(null);
        String baseId = id != null ? id : "feature-" + position;
        JsonNode geometry = feature.path("geometry");
        String type = geometry.path("type").asText();
        List<List<GeoPoint>> lines = new ArrayList<>();
        if ("LineString".equals(type)) {
            lines.add(points(geometry.path("coordinates")));
        } else if ("MultiLineString".equals(type)) {
            for (JsonNode part : geometry.path("coordinates")) {
                lines.add(points(part));
            }
        } else {
            throw new IllegalArgumentException("geometry must be a LineString or MultiLineString, not '" + type + "'");
        }
        List<RoadSegment> segments = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String partId = lines.size() == 1 ? baseId : baseId + "/" + i;
            segments.add(new RoadSegment(partId, name, roadClass, municipality, site, lines.get(i)));
        }
        return segments;
    }

    private static RoadClass roadClass(JsonNode properties) {
        Optional<String> declared = text(properties, "roadClass");
        if (declared.isPresent()) {
            return RoadClass.parse(declared.get()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown roadClass '" + declared.get() + "'"));
        }
        Optional<String> highway = text(properties, "highway");
        if (highway.isPresent()) {
            RoadClass mapped = OSM_HIGHWAY.get(highway.get().toLowerCase(Locale.ROOT));
            if (mapped == null) {
                throw new IllegalArgumentException("highway '" + highway.get() + "' is not a road to maintain");
            }
            return mapped;
        }
        throw new IllegalArgumentException("needs 'roadClass' or an OSM 'highway' tag");
    }

    private static List<GeoPoint> points(JsonNode coordinates) {
        if (!coordinates.isArray() || coordinates.size() < 2) {
            throw new IllegalArgumentException("a line needs at least two positions");
        }
        List<GeoPoint> points = new ArrayList<>();
        for (JsonNode c : coordinates) {
            if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
                throw new IllegalArgumentException("positions are [longitude, latitude] numbers");
            }
            points.add(new GeoPoint(c.get(1).asDouble(), c.get(0).asDouble()));
        }
        return points;
    }

    private static Optional<String> text(JsonNode properties, String... names) {
        for (String name : names) {
            JsonNode value = properties.get(name);
            if (value != null && !value.isNull() && !value.asText().isBlank()) {
                return Optional.of(value.asText().trim());
            }
        }
        return Optional.empty();
    }
}
