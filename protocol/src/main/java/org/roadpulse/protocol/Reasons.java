package org.roadpulse.protocol;

/** The stable rejection reason codes of contract v1; firmware-specs/v1/SPEC.md explains each. */
public final class Reasons {
    public static final String PAYLOAD_TOO_LARGE = "payload.too_large";
    public static final String PAYLOAD_MALFORMED = "payload.malformed";
    public static final String PAYLOAD_NOT_OBJECT = "payload.not_object";
    public static final String FIELD_MISSING = "field.missing";
    public static final String FIELD_TYPE = "field.type";
    public static final String VERSION_UNSUPPORTED = "version.unsupported";
    public static final String DEVICE_INVALID = "device.invalid";
    public static final String SEQ_INVALID = "seq.invalid";
    public static final String TIME_INVALID = "time.invalid";
    public static final String TIME_MISALIGNED = "time.misaligned";
    public static final String TIME_TOO_OLD = "time.too_old";
    public static final String TIME_FUTURE = "time.future";
    public static final String INTERVAL_LENGTH_INVALID = "interval.length_invalid";
    public static final String FIRMWARE_INVALID = "firmware.invalid";
    public static final String SCHEME_UNKNOWN = "scheme.unknown";
    public static final String LANES_EMPTY = "lanes.empty";
    public static final String LANES_TOO_MANY = "lanes.too_many";
    public static final String LANE_INVALID = "lane.invalid";
    public static final String LANE_DUPLICATE = "lane.duplicate";
    public static final String DIRECTION_INVALID = "direction.invalid";
    public static final String CLASS_UNKNOWN = "class.unknown";
    public static final String CLASS_NOT_IN_SCHEME = "class.not_in_scheme";
    public static final String COUNT_NEGATIVE = "count.negative";
    public static final String COUNT_IMPLAUSIBLE = "count.implausible";
    public static final String SPEED_OUT_OF_RANGE = "speed.out_of_range";
    public static final String HISTOGRAM_INVALID = "histogram.invalid";
    public static final String OCCUPANCY_OUT_OF_RANGE = "occupancy.out_of_range";

    /* Reasons only the intake can give: they depend on who sent the payload, not on its bytes. */
    public static final String ENCODING_UNSUPPORTED = "encoding.unsupported";
    public static final String DEVICE_MISMATCH = "device.mismatch";
    public static final String DEVICE_UNKNOWN = "device.unknown";
    public static final String AUTH_MISSING = "auth.missing";
    public static final String AUTH_INVALID = "auth.invalid";
    /** The right credentials of a device an operator has revoked: it stays refused until it is reinstated. */
    public static final String DEVICE_REVOKED = "device.revoked";
    /** Not a refusal of the payload: the device sends faster than its limit allows; it keeps it and sends it later. */
    public static final String RATE_EXCEEDED = "rate.exceeded";
    /** Not a refusal: the service cannot store now (database down, overloaded); the sender keeps it and retries. */
    public static final String SERVICE_UNAVAILABLE = "service.unavailable";

    private Reasons() {
    }
}
