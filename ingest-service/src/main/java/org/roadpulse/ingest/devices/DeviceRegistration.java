package org.roadpulse.ingest.devices;

import org.roadpulse.protocol.Limits;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.Rejection;

import java.util.Optional;
import java.util.regex.Pattern;

/** The rules a new or re-provisioned device must meet, with a reason for each. */
public final class DeviceRegistration {

    public static final String MUNICIPALITY_INVALID = "municipality.invalid";
    public static final String NAME_INVALID = "name.invalid";
    public static final String SECRET_INVALID = "secret.invalid";
    public static final int MAX_NAME_LENGTH = 120;
    public static final int MIN_SECRET_LENGTH = 16;
    public static final int MAX_SECRET_LENGTH = 128;

    private static final Pattern DEVICE_ID = Pattern.compile(Limits.DEVICE_ID_PATTERN);
    private static final Pattern AGS = Pattern.compile("[0-9]{8}");

    private DeviceRegistration() {
    }

    /** The first rule broken, if any. {@code secret} may be null (one is generated). */
    public static Optional<Rejection> check(String id, String municipality, String name, String secret) {
        if (id == null || !DEVICE_ID.matcher(id).matches()) {
            return reject(Reasons.DEVICE_INVALID, "id", "device id must match " + Limits.DEVICE_ID_PATTERN);
        }
        if (municipality == null || !AGS.matcher(municipality).matches()) {
            return reject(MUNICIPALITY_INVALID, "municipality",
                    "municipality must be the 8-digit official municipality key (AGS)");
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            return reject(NAME_INVALID, "name", "name must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (secret != null && (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH
                || secret.isBlank())) {
            return reject(SECRET_INVALID, "secret", "a chosen secret must have " + MIN_SECRET_LENGTH + " to "
                    + MAX_SECRET_LENGTH + " characters; leave it out to have one generated");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(String reason, String field, String message) {
        return Optional.of(Rejection.of(reason, field, message));
    }
}
