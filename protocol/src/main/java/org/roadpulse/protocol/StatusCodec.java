package org.roadpulse.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Codec of the small messages beside the counts: status/heartbeat/last will and the configuration downlink. */
public final class StatusCodec {

    private static final Pattern DEVICE_ID = Pattern.compile(Limits.DEVICE_ID_PATTERN);

    private StatusCodec() {
    }

    public static byte[] encode(StatusReport status, Encoding encoding) {
        ObjectNode root = WireMappers.JSON.createObjectNode();
        root.put("v", 1);
        root.put("device", status.deviceId());
        if (status.at() != null) {
            root.put("at", DateTimeFormatter.ISO_INSTANT.format(status.at()));
        }
        root.put("state", status.state().wireName());
        root.put("fw", status.firmware());
        if (status.outboxDepth() != null) {
            root.put("outbox", status.outboxDepth());
        }
        if (status.lastSeq() != null) {
            root.put("lastSeq", status.lastSeq());
        }
        if (status.uptimeSeconds() != null) {
            root.put("uptime", status.uptimeSeconds());
        }
        return write(root, encoding);
    }

    public static Verdict<StatusReport> decodeStatus(byte[] payload, Encoding encoding) {
        if (payload.length > Limits.MAX_PAYLOAD_BYTES) {
            return Verdict.rejected(Reasons.PAYLOAD_TOO_LARGE, null, "status payload too large");
        }
        try {
            JsonNode root = WireMappers.of(encoding).readTree(payload);
            if (root == null || !root.isObject()) {
                return Verdict.rejected(Reasons.PAYLOAD_NOT_OBJECT, null, "the payload must be a map/object");
            }
            String device = root.path("device").asText("");
            if (!DEVICE_ID.matcher(device).matches()) {
                return Verdict.rejected(Reasons.DEVICE_INVALID, "device", "device id must match " + Limits.DEVICE_ID_PATTERN);
            }
            String stateName = root.path("state").asText("");
            StatusReport.State state = Arrays.stream(StatusReport.State.values())
                    .filter(s -> s.wireName().equals(stateName)).findFirst().orElse(null);
            if (state == null) {
                return Verdict.rejected(Reasons.FIELD_TYPE, "state", "state must be 'online' or 'offline'");
            }
            Instant at = root.hasNonNull("at") ? Instant.parse(root.get("at").asText()) : null;
            return Verdict.accepted(new StatusReport(device, at, state, root.path("fw").asText(""),
                    optionalLong(root, "outbox"), optionalLong(root, "lastSeq"), optionalLong(root, "uptime")));
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof DateTimeParseException ? Reasons.TIME_INVALID : Reasons.PAYLOAD_MALFORMED;
            return Verdict.rejected(reason, null, "not a valid status report: " + e.getMessage());
        }
    }

    public static byte[] encode(DeviceConfig config, Encoding encoding) {
        ObjectNode root = WireMappers.JSON.createObjectNode();
        root.put("v", 1);
        root.put("interval", config.intervalSeconds());
        root.put("statusPeriod", config.statusPeriodSeconds());
        return write(root, encoding);
    }

    public static Verdict<DeviceConfig> decodeConfig(byte[] payload, Encoding encoding) {
        try {
            JsonNode root = WireMappers.of(encoding).readTree(payload);
            int interval = root.path("interval").asInt(-1);
            int statusPeriod = root.path("statusPeriod").asInt(-1);
            if (!Limits.INTERVAL_LENGTHS_SECONDS.contains(interval)) {
                return Verdict.rejected(Reasons.INTERVAL_LENGTH_INVALID, "interval", "interval must be one of "
                        + Limits.INTERVAL_LENGTHS_SECONDS);
            }
            if (statusPeriod < 5 || statusPeriod > 3600) {
                return Verdict.rejected(Reasons.FIELD_TYPE, "statusPeriod", "statusPeriod must be 5 to 3600 s");
            }
            return Verdict.accepted(new DeviceConfig(interval, statusPeriod));
        } catch (IOException | RuntimeException e) {
            return Verdict.rejected(Reasons.PAYLOAD_MALFORMED, null, "not a valid configuration: " + e.getMessage());
        }
    }

    private static Long optionalLong(JsonNode root, String name) {
        return root.hasNonNull(name) ? root.get(name).asLong() : null;
    }

    private static byte[] write(ObjectNode root, Encoding encoding) {
        try {
            return WireMappers.of(encoding).writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
