package org.roadpulse.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.ingest.sites.SiteRules;
import org.roadpulse.protocol.Rejection;

import java.util.List;
import java.util.Optional;

/**
 * A measurement site as the site API reads and writes it (docs/flow-history.md, "Measurement sites"). Every field
 * is written, null or empty included, so a client sees the same shape for every site. Read leniently (everything
 * nullable) so that a missing part is refused with its own reason instead of an unreadable body.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record SiteJson(@Nullable String id, @Nullable String municipality, @Nullable String name, @Nullable Road road,
                @Nullable Location location, @Nullable Lanes lanes, @Nullable DirectionLabels directionLabels,
                @Nullable Integer speedLimitKmh, @Nullable List<String> devices) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Road(@Nullable String name, @Nullable String number) {
    }

    /** WGS 84 degrees. */
    @Serdeable
    record Location(@Nullable Double latitude, @Nullable Double longitude) {
    }

    /** Lanes per direction; a direction left out has none (a one-way street). */
    @Serdeable
    record Lanes(@Nullable Integer forward, @Nullable Integer backward) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DirectionLabels(@Nullable String forward, @Nullable String backward) {
    }

    static SiteJson of(MeasurementSite site) {
        return new SiteJson(site.id(), site.municipality(), site.name(),
                new Road(site.roadName(), site.roadNumber()),
                new Location(site.latitude(), site.longitude()),
                new Lanes(site.lanesForward(), site.lanesBackward()),
                new DirectionLabels(site.forwardLabel(), site.backwardLabel()),
                site.speedLimitKmh(), site.devices());
    }

    /** What keeps this body from being the site {@code id} at all; the site's own rules come after. */
    Optional<Rejection> problem(String id) {
        if (this.id != null && !this.id.equals(id)) {
            return Optional.of(Rejection.of(SiteRules.ID_MISMATCH, "id",
                    "the body's id '" + this.id + "' is not the id in the path, '" + id + "'"));
        }
        if (location == null) {
            return Optional.of(Rejection.of(SiteRules.LOCATION_INVALID, "location",
                    "a site needs a location: {\"latitude\": ..., \"longitude\": ...} in WGS 84 degrees"));
        }
        if (location.latitude() == null) {
            return Optional.of(Rejection.of(SiteRules.LOCATION_INVALID, "location.latitude", "latitude is missing"));
        }
        if (location.longitude() == null) {
            return Optional.of(Rejection.of(SiteRules.LOCATION_INVALID, "location.longitude",
                    "longitude is missing"));
        }
        int missingDevice = devices == null ? -1 : devices.indexOf(null);
        if (missingDevice >= 0) {
            return Optional.of(Rejection.of(SiteRules.DEVICE_UNKNOWN, "devices[" + missingDevice + "]",
                    "a device id is null"));
        }
        return Optional.empty();
    }

    /** The site this body describes; call only when {@link #problem} found nothing. */
    MeasurementSite toSite(String id) {
        return new MeasurementSite(id, municipality, name,
                road == null ? null : road.name(), road == null ? null : road.number(),
                location.latitude(), location.longitude(),
                lanes == null || lanes.forward() == null ? 0 : lanes.forward(),
                lanes == null || lanes.backward() == null ? 0 : lanes.backward(),
                directionLabels == null ? null : directionLabels.forward(),
                directionLabels == null ? null : directionLabels.backward(),
                speedLimitKmh, devices == null ? List.of() : devices);
    }

    /** Where in this JSON a field of {@link MeasurementSite}, as {@link SiteRules} names it, is. */
    static String field(@Nullable String siteField) {
        if (siteField == null) {
            return null;
        }
        return switch (siteField) {
            case "roadName" -> "road.name";
            case "roadNumber" -> "road.number";
            case "latitude" -> "location.latitude";
            case "longitude" -> "location.longitude";
            case "lanesForward" -> "lanes.forward";
            case "lanesBackward" -> "lanes.backward";
            case "forwardLabel" -> "directionLabels.forward";
            case "backwardLabel" -> "directionLabels.backward";
            default -> siteField;  // id, municipality, name, lanes, speedLimitKmh, devices[i]
        };
    }
}
