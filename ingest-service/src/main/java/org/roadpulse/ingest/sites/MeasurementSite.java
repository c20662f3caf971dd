package org.roadpulse.ingest.sites;

import io.micronaut.core.annotation.Nullable;
import org.roadpulse.protocol.Direction;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A measurement site (Messquerschnitt): the cross-section of a road where counting devices stand. Its devices
 * together count its lanes; "forward" is the site's reference direction, as in the devices' payloads.
 *
 * @param id            like device ids: {@code [a-z0-9][a-z0-9-]{2,63}}
 * @param municipality  official municipality key (AGS, 8 digits)
 * @param roadNumber    e.g. "L 119", "A 4"; null for a municipal street without a number
 * @param forwardLabel  what a planner calls the forward direction, e.g. "Richtung Homburg"
 * @param speedLimitKmh the posted limit, for the share of vehicles above it; null when there is none
 * @param devices       ids of the devices counting here
 */
public record MeasurementSite(
        String id,
        String municipality,
        String name,
        @Nullable String roadName,
        @Nullable String roadNumber,
        double latitude,
        double longitude,
        int lanesForward,
        int lanesBackward,
        @Nullable String forwardLabel,
        @Nullable String backwardLabel,
        @Nullable Integer speedLimitKmh,
        List<String> devices) {

    public MeasurementSite {
        devices = List.copyOf(devices);
    }

    /** The same site counted by other devices. */
    public MeasurementSite withDevices(List<String> otherDevices) {
        return new MeasurementSite(id, municipality, name, roadName, roadNumber, latitude, longitude, lanesForward,
                lanesBackward, forwardLabel, backwardLabel, speedLimitKmh, otherDevices);
    }

    /** The directions that have lanes here: what a complete measurement of the cross-section covers. */
    public Set<Direction> directions() {
        Set<Direction> directions = EnumSet.noneOf(Direction.class);
        if (lanesForward > 0) {
            directions.add(Direction.FORWARD);
        }
        if (lanesBackward > 0) {
            directions.add(Direction.BACKWARD);
        }
        return directions;
    }

    /** The federal state's two-digit key, the first two digits of the AGS (10 = Saarland). */
    public String stateKey() {
        return municipality.substring(0, 2);
    }
}
