package org.roadpulse.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.ingest.sites.SiteRules;
import org.roadpulse.protocol.Rejection;

import java.util.List;
import java.util.Optional;

/**
 * Measurement sites as GeoJSON (RFC 7946) for GIS tools such as QGIS: one Point feature per site, coordinates
 * [longitude, latitude] in WGS 84. The properties are the site's other fields, flat, because a GIS attribute table
 * has one column per property: nested objects would arrive there as JSON text.
 */
final class SiteGeoJson {

    static final String MEDIA_TYPE = "application/geo+json";
    /** The upload is not a FeatureCollection: nothing can be imported. */
    static final String COLLECTION_INVALID = "geojson.invalid";
    /** One feature is unreadable or not a Feature; the others are imported. */
    static final String FEATURE_INVALID = "feature.invalid";

    private SiteGeoJson() {
    }

    @Serdeable
    record FeatureCollection(String type, List<Feature> features) {
        static FeatureCollection of(List<MeasurementSite> sites) {
            return new FeatureCollection("FeatureCollection", sites.stream().map(Feature::of).toList());
        }
    }

    /** An upload: each feature stays a tree until it is read on its own, so one unreadable feature spoils no other. */
    @Serdeable
    record Upload(@Nullable String type, @Nullable List<JsonNode> features) {
    }

    /** @param id the site id again (export only: an import reads {@code properties.id}, the column GIS users edit) */
    @Serdeable
    record Feature(@Nullable String type, @Nullable String id, @Nullable Geometry geometry,
                   @Nullable Properties properties) {

        static Feature of(MeasurementSite site) {
            return new Feature("Feature", site.id(),
                    new Geometry("Point", List.of(site.longitude(), site.latitude())), Properties.of(site));
        }

        /** What keeps this feature from being a site at all; the site's own rules come after. */
        Optional<Rejection> problem() {
            if (!"Feature".equals(type)) {
                return reject(FEATURE_INVALID, "type", "a feature has \"type\": \"Feature\"");
            }
            if (geometry == null || !"Point".equals(geometry.type())) {
                return reject(SiteRules.LOCATION_INVALID, "geometry", "a site's geometry is a Point");
            }
            List<Object> coordinates = geometry.coordinates();
            if (coordinates == null || coordinates.size() < 2 || coordinates.size() > 3
                    || !coordinates.stream().allMatch(Number.class::isInstance)) {
                return reject(SiteRules.LOCATION_INVALID, "geometry.coordinates",
                        "a Point's coordinates are [longitude, latitude] in WGS 84 degrees");
            }
            if (properties == null) {
                return reject(SiteRules.ID_INVALID, "properties", "a site feature needs its properties, id first");
            }
            int missingDevice = properties.devices() == null ? -1 : properties.devices().indexOf(null);
            if (missingDevice >= 0) {
                return reject(SiteRules.DEVICE_UNKNOWN, "properties.devices[" + missingDevice + "]",
                        "a device id is null");
            }
            return Optional.empty();
        }

        /** The site this feature describes; call only when {@link #problem} found nothing. */
        MeasurementSite toSite() {
            Properties p = properties;
            return new MeasurementSite(p.id(), p.municipality(), p.name(), p.roadName(), p.roadNumber(),
                    ((Number) geometry.coordinates().get(1)).doubleValue(),
                    ((Number) geometry.coordinates().get(0)).doubleValue(),
                    p.lanesForward() == null ? 0 : p.lanesForward(),
                    p.lanesBackward() == null ? 0 : p.lanesBackward(),
                    p.forwardLabel(), p.backwardLabel(), p.speedLimitKmh(),
                    p.devices() == null ? List.of() : p.devices());
        }

        private static Optional<Rejection> reject(String reason, String field, String message) {
            return Optional.of(Rejection.of(reason, field, message));
        }
    }

    /** @param coordinates [longitude, latitude] (an altitude, if any, is ignored) */
    @Serdeable
    record Geometry(@Nullable String type, @Nullable List<Object> coordinates) {
    }

    /** Written with nulls, so every feature has every attribute column. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Properties(@Nullable String id, @Nullable String municipality, @Nullable String name,
                      @Nullable String roadName, @Nullable String roadNumber,
                      @Nullable Integer lanesForward, @Nullable Integer lanesBackward,
                      @Nullable String forwardLabel, @Nullable String backwardLabel,
                      @Nullable Integer speedLimitKmh, @Nullable List<String> devices) {

        static Properties of(MeasurementSite site) {
            return new Properties(site.id(), site.municipality(), site.name(), site.roadName(), site.roadNumber(),
                    site.lanesForward(), site.lanesBackward(), site.forwardLabel(), site.backwardLabel(),
                    site.speedLimitKmh(), site.devices());
        }
    }

    /** Where in a feature a field of {@link MeasurementSite}, as {@link SiteRules} names it, is. */
    static String field(@Nullable String siteField) {
        if (siteField == null) {
            return null;
        }
        return switch (siteField) {
            case "longitude" -> "geometry.coordinates[0]";
            case "latitude" -> "geometry.coordinates[1]";
            case "lanes" -> "properties.lanesForward";
            default -> "properties." + siteField;
        };
    }
}
