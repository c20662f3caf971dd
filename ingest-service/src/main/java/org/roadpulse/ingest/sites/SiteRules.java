package org.roadpulse.ingest.sites;

import org.roadpulse.protocol.Limits;
import org.roadpulse.protocol.Rejection;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a measurement site must meet before it is stored, with a reason for each. Fields are named by the
 * components of {@link MeasurementSite} ({@code lanesForward}, {@code latitude}); each wire format translates them
 * to its own paths ({@code lanes.forward} in the site JSON, {@code geometry.coordinates[1]} in GeoJSON).
 * Whether the listed devices exist is for the store to say ({@link #DEVICE_UNKNOWN}).
 */
public final class SiteRules {

    public static final String ID_INVALID = "site.id_invalid";
    public static final String ID_MISMATCH = "site.id_mismatch";
    public static final String UNKNOWN = "site.unknown";
    public static final String MUNICIPALITY_INVALID = "municipality.invalid";
    public static final String NAME_MISSING = "name.missing";
    public static final String NAME_INVALID = "name.invalid";
    public static final String ROAD_INVALID = "road.invalid";
    public static final String LOCATION_INVALID = "location.invalid";
    public static final String LANES_INVALID = "lanes.invalid";
    public static final String DIRECTION_LABEL_INVALID = "direction_label.invalid";
    public static final String SPEED_LIMIT_INVALID = "speed_limit.invalid";
    public static final String DEVICE_UNKNOWN = "device.unknown";
    public static final String DEVICE_OTHER_MUNICIPALITY = "device.other_municipality";

    /** Lanes per direction; the schema allows the same (measurement_site.lanes_forward/backward). */
    public static final int MAX_LANES = 8;
    public static final int MIN_SPEED_LIMIT_KMH = 5;
    public static final int MAX_SPEED_LIMIT_KMH = 200;
    public static final int MAX_TEXT_LENGTH = 120;

    /** Site ids look like device ids: a site with one device usually carries that device's id. */
    private static final Pattern ID = Pattern.compile(Limits.DEVICE_ID_PATTERN);
    private static final Pattern AGS = Pattern.compile("[0-9]{8}");

    private SiteRules() {
    }

    public static Optional<Rejection> checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return reject(ID_INVALID, "id", "a site id must match " + Limits.DEVICE_ID_PATTERN);
        }
        return Optional.empty();
    }

    /** An AGS filter or a site's municipality: 8 digits. */
    public static boolean isMunicipalityKey(String municipality) {
        return municipality != null && AGS.matcher(municipality).matches();
    }

    /** The first rule the site breaks, if any. */
    public static Optional<Rejection> check(MeasurementSite site) {
        return checkId(site.id())
                .or(() -> checkMunicipality(site.municipality()))
                .or(() -> checkName(site.name()))
                .or(() -> checkText(site.roadName(), ROAD_INVALID, "roadName"))
                .or(() -> checkText(site.roadNumber(), ROAD_INVALID, "roadNumber"))
                .or(() -> checkLocation(site.latitude(), site.longitude()))
                .or(() -> checkLanes(site.lanesForward(), site.lanesBackward()))
                .or(() -> checkText(site.forwardLabel(), DIRECTION_LABEL_INVALID, "forwardLabel"))
                .or(() -> checkText(site.backwardLabel(), DIRECTION_LABEL_INVALID, "backwardLabel"))
                .or(() -> checkSpeedLimit(site.speedLimitKmh()));
    }

    private static Optional<Rejection> checkMunicipality(String municipality) {
        if (!isMunicipalityKey(municipality)) {
            return reject(MUNICIPALITY_INVALID, "municipality",
                    "municipality must be the 8-digit official municipality key (AGS)");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> checkName(String name) {
        if (name == null || name.isBlank()) {
            return reject(NAME_MISSING, "name", "a site needs a name");
        }
        return checkText(name, NAME_INVALID, "name");
    }

    private static Optional<Rejection> checkText(String text, String reason, String field) {
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            return reject(reason, field, field + " must have at most " + MAX_TEXT_LENGTH + " characters");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> checkLocation(double latitude, double longitude) {
        if (!(latitude >= -90 && latitude <= 90)) {
            return reject(LOCATION_INVALID, "latitude", "latitude must be between -90 and 90 degrees (WGS 84)");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            return reject(LOCATION_INVALID, "longitude", "longitude must be between -180 and 180 degrees (WGS 84)");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> checkLanes(int forward, int backward) {
        if (forward < 0 || forward > MAX_LANES) {
            return reject(LANES_INVALID, "lanesForward", "lanes per direction: 0 to " + MAX_LANES);
        }
        if (backward < 0 || backward > MAX_LANES) {
            return reject(LANES_INVALID, "lanesBackward", "lanes per direction: 0 to " + MAX_LANES);
        }
        if (forward + backward == 0) {
            return reject(LANES_INVALID, "lanes", "a site needs at least one lane");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> checkSpeedLimit(Integer speedLimitKmh) {
        if (speedLimitKmh != null
                && (speedLimitKmh < MIN_SPEED_LIMIT_KMH || speedLimitKmh > MAX_SPEED_LIMIT_KMH)) {
            return reject(SPEED_LIMIT_INVALID, "speedLimitKmh", "the speed limit must be " + MIN_SPEED_LIMIT_KMH
                    + " to " + MAX_SPEED_LIMIT_KMH + " km/h, or absent when there is none");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(String reason, String field, String message) {
        return Optional.of(Rejection.of(reason, field, message));
    }
}
