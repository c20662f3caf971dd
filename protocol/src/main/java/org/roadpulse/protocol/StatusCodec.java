package org.roadpulse.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.roadpulse.protocol.PayloadTree.Invalid;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.roadpulse.protocol.PayloadTree.integer;
import static org.roadpulse.protocol.PayloadTree.optionalInteger;
import static org.roadpulse.protocol.PayloadTree.optionalText;
import static org.roadpulse.protocol.PayloadTree.text;

/**
 * Codec of the small messages beside the counts: status/heartbeat/last will and the configuration downlink.
 * Decoding never throws for bad input; the rules are in firmware-specs/v1/SPEC.md, "Status" and "Configuration".
 */
public final class StatusCodec {

    private static final Pattern DEVICE_ID = Pattern.compile(Limits.DEVICE_ID_PATTERN);

    private StatusCodec() {
    }

    public static byte[] encode(StatusReport status, Encoding encoding) {
        ObjectNode root = WireMappers.JSON.createObjectNode();
        root.put("v", 1);
        root.put("device", status.deviceId());
        if (status.at() != null) {
            root.put("at", WireTime.format(status.at()));
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
        if (status.sensor() != null) {
            ObjectNode sensor = root.putObject("sensor");
            sensor.put("state", status.sensor().state().wireName());
            if (status.sensor().since() != null) {
                sensor.put("since", WireTime.format(status.sensor().since()));
            }
            if (status.sensor().reason() != null) {
                sensor.put("reason", status.sensor().reason());
            }
        }
        return write(root, encoding);
    }

    public static Verdict<StatusReport> decodeStatus(byte[] payload, Encoding encoding) {
        return decode(payload, encoding, StatusCodec::status);
    }

    public static byte[] encode(DeviceConfig config, Encoding encoding) {
        ObjectNode root = WireMappers.JSON.createObjectNode();
        root.put("v", 1);
        root.put("interval", config.intervalSeconds());
        root.put("statusPeriod", config.statusPeriodSeconds());
        return write(root, encoding);
    }

    public static Verdict<DeviceConfig> decodeConfig(byte[] payload, Encoding encoding) {
        return decode(payload, encoding, StatusCodec::config);
    }

    private static <T> Verdict<T> decode(byte[] payload, Encoding encoding, Function<JsonNode, T> reader) {
        if (payload.length > Limits.MAX_PAYLOAD_BYTES) {
            return Verdict.rejected(Reasons.PAYLOAD_TOO_LARGE, null,
                    "payload has " + payload.length + " bytes; the limit is " + Limits.MAX_PAYLOAD_BYTES);
        }
        JsonNode root;
        try {
            root = WireMappers.of(encoding).readTree(payload);
        } catch (IOException | RuntimeException e) {
            return Verdict.rejected(Reasons.PAYLOAD_MALFORMED, null, "not valid " + encoding + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            return Verdict.rejected(Reasons.PAYLOAD_MALFORMED, null, "empty payload");
        }
        if (!root.isObject()) {
            return Verdict.rejected(Reasons.PAYLOAD_NOT_OBJECT, null, "the payload must be a map/object");
        }
        try {
            version(root);
            return Verdict.accepted(reader.apply(root));
        } catch (Invalid invalid) {
            return new Verdict.Rejected<>(invalid.rejection);
        }
    }

    private static void version(JsonNode root) {
        long version = integer(root, "v", "v");
        if (version != 1) {
            throw new Invalid(Reasons.VERSION_UNSUPPORTED, "v", "contract version " + version + " is not supported; use 1");
        }
    }

    private static StatusReport status(JsonNode root) {
        String device = text(root, "device", "device");
        if (!DEVICE_ID.matcher(device).matches()) {
            throw new Invalid(Reasons.DEVICE_INVALID, "device", "device id must match " + Limits.DEVICE_ID_PATTERN);
        }
        String stateName = text(root, "state", "state");
        StatusReport.State state = Arrays.stream(StatusReport.State.values())
                .filter(s -> s.wireName().equals(stateName)).findFirst()
                .orElseThrow(() -> new Invalid(Reasons.FIELD_TYPE, "state", "state must be 'online' or 'offline'"));
        String atText = optionalText(root, "at", "at");
        Instant at = atText == null ? null : WireTime.parse(atText).orElseThrow(() -> new Invalid(
                Reasons.TIME_INVALID, "at", "at must be an RFC 3339 time with seconds, such as 2026-01-01T00:00:00Z"));
        String firmware = text(root, "fw", "fw");
        if (firmware.isBlank() || firmware.length() > Limits.MAX_FIRMWARE_LENGTH || !PayloadTree.printable(firmware)) {
            throw new Invalid(Reasons.FIRMWARE_INVALID, "fw", "firmware version must have 1 to "
                    + Limits.MAX_FIRMWARE_LENGTH + " characters and no control characters");
        }
        Long lastSeq = optionalInteger(root, "lastSeq", "lastSeq");
        if (lastSeq != null && (lastSeq < 0 || lastSeq > Limits.MAX_SEQ)) {
            throw new Invalid(Reasons.SEQ_INVALID, "lastSeq", "lastSeq must be between 0 and " + Limits.MAX_SEQ);
        }
        return new StatusReport(device, at, state, firmware, nonNegative(root, "outbox"), lastSeq,
                nonNegative(root, "uptime"), sensor(root));
    }

    /** The optional detector state; absent or null in reports of devices that do not know it. */
    private static StatusReport.Sensor sensor(JsonNode root) {
        JsonNode node = root.get("sensor");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new Invalid(Reasons.FIELD_TYPE, "sensor", "'sensor' must be an object");
        }
        String stateName = text(node, "state", "sensor.state");
        StatusReport.SensorState state = Arrays.stream(StatusReport.SensorState.values())
                .filter(s -> s.wireName().equals(stateName)).findFirst()
                .orElseThrow(() -> new Invalid(Reasons.FIELD_TYPE, "sensor.state", "sensor.state must be 'ok' or 'down'"));
        String sinceText = optionalText(node, "since", "sensor.since");
        Instant since = sinceText == null ? null : WireTime.parse(sinceText).orElseThrow(() -> new Invalid(
                Reasons.TIME_INVALID, "sensor.since", "sensor.since must be an RFC 3339 time with seconds"));
        String reason = optionalText(node, "reason", "sensor.reason");
        if (reason != null && (reason.length() > Limits.MAX_SENSOR_REASON_LENGTH || !PayloadTree.printable(reason))) {
            throw new Invalid(Reasons.FIELD_TYPE, "sensor.reason", "sensor.reason must have at most "
                    + Limits.MAX_SENSOR_REASON_LENGTH + " characters and no control characters");
        }
        return new StatusReport.Sensor(state, since, reason);
    }

    private static DeviceConfig config(JsonNode root) {
        long interval = integer(root, "interval", "interval");
        if (interval > Integer.MAX_VALUE || !Limits.INTERVAL_LENGTHS_SECONDS.contains((int) interval)) {
            throw new Invalid(Reasons.INTERVAL_LENGTH_INVALID, "interval", "interval must be one of "
                    + Limits.INTERVAL_LENGTHS_SECONDS);
        }
        long statusPeriod = integer(root, "statusPeriod", "statusPeriod");
        if (statusPeriod < Limits.MIN_STATUS_PERIOD_SECONDS || statusPeriod > Limits.MAX_STATUS_PERIOD_SECONDS) {
            throw new Invalid(Reasons.FIELD_TYPE, "statusPeriod", "statusPeriod must be "
                    + Limits.MIN_STATUS_PERIOD_SECONDS + " to " + Limits.MAX_STATUS_PERIOD_SECONDS + " s");
        }
        return new DeviceConfig((int) interval, (int) statusPeriod);
    }

    private static Long nonNegative(JsonNode root, String name) {
        Long value = optionalInteger(root, name, name);
        if (value != null && value < 0) {
            throw new Invalid(Reasons.FIELD_TYPE, name, "'" + name + "' must be a whole number ≥ 0");
        }
        return value;
    }

    private static byte[] write(ObjectNode root, Encoding encoding) {
        return WireMappers.write(root, encoding);
    }
}
