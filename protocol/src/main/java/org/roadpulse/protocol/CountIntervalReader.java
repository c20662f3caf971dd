package org.roadpulse.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import org.roadpulse.protocol.PayloadTree.Invalid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.roadpulse.protocol.PayloadTree.integer;
import static org.roadpulse.protocol.PayloadTree.optionalNumber;
import static org.roadpulse.protocol.PayloadTree.required;
import static org.roadpulse.protocol.PayloadTree.text;
import static org.roadpulse.protocol.Reasons.*;

/**
 * Reads a decoded payload tree into a {@link CountInterval}, checking every rule of contract v1 on the way and
 * stopping at the first violation with its reason and field path. One reader serves JSON and CBOR alike.
 */
final class CountIntervalReader {

    private static final Pattern DEVICE_ID = Pattern.compile(Limits.DEVICE_ID_PATTERN);

    private final Instant now;

    CountIntervalReader(Instant now) {
        this.now = now;
    }

    Verdict<CountInterval> read(JsonNode root) {
        try {
            return Verdict.accepted(interval(root));
        } catch (Invalid invalid) {
            return new Verdict.Rejected<>(invalid.rejection);
        }
    }

    private CountInterval interval(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new Invalid(PAYLOAD_NOT_OBJECT, null, "the payload must be a map/object");
        }
        long version = integer(root, "v", "v");
        if (version != 1) {
            throw new Invalid(VERSION_UNSUPPORTED, "v", "contract version " + version + " is not supported; use 1");
        }
        String device = text(root, "device", "device");
        if (!DEVICE_ID.matcher(device).matches()) {
            throw new Invalid(DEVICE_INVALID, "device", "device id must match " + Limits.DEVICE_ID_PATTERN);
        }
        long seq = integer(root, "seq", "seq");
        if (seq < 0 || seq > Limits.MAX_SEQ) {
            throw new Invalid(SEQ_INVALID, "seq", "seq must be between 0 and " + Limits.MAX_SEQ);
        }
        long length = integer(root, "length", "length");
        if (!Limits.INTERVAL_LENGTHS_SECONDS.contains((int) length) || length != (int) length) {
            throw new Invalid(INTERVAL_LENGTH_INVALID, "length",
                    "interval length " + length + " s is not one of " + Limits.INTERVAL_LENGTHS_SECONDS);
        }
        Instant start = start(root, (int) length);
        String firmware = text(root, "fw", "fw");
        if (firmware.isBlank() || firmware.length() > Limits.MAX_FIRMWARE_LENGTH || !PayloadTree.printable(firmware)) {
            throw new Invalid(FIRMWARE_INVALID, "fw", "firmware version must have 1 to "
                    + Limits.MAX_FIRMWARE_LENGTH + " characters and no control characters");
        }
        String schemeName = text(root, "scheme", "scheme");
        ClassScheme scheme = ClassScheme.fromWireName(schemeName).orElseThrow(() -> new Invalid(SCHEME_UNKNOWN,
                "scheme", "unknown class scheme '" + schemeName + "'; use 8+1, 5+1 or 2+1"));
        List<LaneInterval> lanes = lanes(root, scheme, (int) length);
        return new CountInterval(device, seq, start, (int) length, firmware, scheme, lanes);
    }

    private Instant start(JsonNode root, int length) {
        String text = text(root, "start", "start");
        Instant start = WireTime.parse(text).orElseThrow(() -> new Invalid(TIME_INVALID, "start",
                "start must be an RFC 3339 time with seconds, such as 2026-01-01T00:00:00Z"));
        if (start.getNano() != 0 || start.getEpochSecond() % length != 0) {
            throw new Invalid(TIME_MISALIGNED, "start", "start must be a multiple of the interval length ("
                    + length + " s) in UTC");
        }
        if (start.isBefore(Limits.EARLIEST_START)) {
            throw new Invalid(TIME_TOO_OLD, "start", "start is before " + Limits.EARLIEST_START
                    + ": is the device clock set?");
        }
        if (start.plusSeconds(length).isAfter(now.plus(Limits.MAX_CLOCK_SKEW))) {
            throw new Invalid(TIME_FUTURE, "start", "the interval ends in the future (more than "
                    + Limits.MAX_CLOCK_SKEW.toMinutes() + " min ahead of the service clock)");
        }
        return start;
    }

    private List<LaneInterval> lanes(JsonNode root, ClassScheme scheme, int length) {
        JsonNode lanesNode = required(root, "lanes", "lanes");
        if (!lanesNode.isArray()) {
            throw new Invalid(FIELD_TYPE, "lanes", "lanes must be an array");
        }
        if (lanesNode.isEmpty()) {
            throw new Invalid(LANES_EMPTY, "lanes", "an interval needs at least one lane");
        }
        if (lanesNode.size() > Limits.MAX_LANES) {
            throw new Invalid(LANES_TOO_MANY, "lanes", "at most " + Limits.MAX_LANES + " lane entries");
        }
        List<LaneInterval> lanes = new ArrayList<>(lanesNode.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lanesNode.size(); i++) {
            LaneInterval lane = lane(lanesNode.get(i), "lanes[" + i + "]", scheme, length);
            if (!seen.add(lane.lane() + "/" + lane.direction())) {
                throw new Invalid(LANE_DUPLICATE, "lanes[" + i + "]",
                        "lane " + lane.lane() + " " + lane.direction() + " appears twice");
            }
            // Lane 0 already holds every lane of its direction: single lanes beside it would count vehicles twice.
            boolean mixed = lane.lane() == Limits.WHOLE_DIRECTION
                    ? lanes.stream().anyMatch(l -> l.direction() == lane.direction())
                    : seen.contains(Limits.WHOLE_DIRECTION + "/" + lane.direction());
            if (mixed) {
                throw new Invalid(LANE_DUPLICATE, "lanes[" + i + "]", "lane 0 (the whole " + lane.direction()
                        + " direction) cannot be combined with single lanes of that direction");
            }
            lanes.add(lane);
        }
        return lanes;
    }

    private LaneInterval lane(JsonNode node, String path, ClassScheme scheme, int length) {
        if (!node.isObject()) {
            throw new Invalid(FIELD_TYPE, path, "a lane entry must be a map/object");
        }
        long lane = integer(node, "lane", path + ".lane");
        if (lane < Limits.WHOLE_DIRECTION || lane > Limits.MAX_LANE_NUMBER) {
            throw new Invalid(LANE_INVALID, path + ".lane", "lane must be 1 to " + Limits.MAX_LANE_NUMBER
                    + ", or 0 for all lanes of the direction together");
        }
        // A whole direction may carry one vehicle per second on each of its lanes.
        int maxVehicles = lane == Limits.WHOLE_DIRECTION ? length * Limits.MAX_LANE_NUMBER : length;
        String dir = text(node, "dir", path + ".dir");
        Direction direction = Direction.fromWireName(dir).orElseThrow(() -> new Invalid(DIRECTION_INVALID,
                path + ".dir", "direction must be 'forward' or 'backward', not '" + dir + "'"));
        Map<VehicleClass, Integer> counts = counts(node, path + ".counts", scheme, maxVehicles);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total > maxVehicles) {
            throw new Invalid(COUNT_IMPLAUSIBLE, path + ".counts", total + " vehicles in " + length
                    + " s: more than one vehicle per second and lane is not plausible");
        }
        Double meanSpeed = speed(node, "meanSpeed", path);
        Double v85 = speed(node, "v85", path);
        SpeedHistogram histogram = histogram(node, path + ".speedHist", total);
        Double occupancy = optionalNumber(node, "occupancy", path + ".occupancy");
        if (occupancy != null && (occupancy < 0 || occupancy > 1)) {
            throw new Invalid(OCCUPANCY_OUT_OF_RANGE, path + ".occupancy", "occupancy is a share from 0 to 1");
        }
        return new LaneInterval((int) lane, direction, counts, meanSpeed, v85, histogram, occupancy);
    }

    private Map<VehicleClass, Integer> counts(JsonNode lane, String path, ClassScheme scheme, int maxVehicles) {
        JsonNode node = required(lane, "counts", path);
        if (!node.isObject()) {
            throw new Invalid(FIELD_TYPE, path, "counts must be a map from class to vehicles");
        }
        Map<VehicleClass, Integer> counts = new EnumMap<>(VehicleClass.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = path + "." + entry.getKey();
            VehicleClass vehicleClass = VehicleClass.fromWireName(entry.getKey()).orElseThrow(() ->
                    new Invalid(CLASS_UNKNOWN, field, "unknown vehicle class '" + entry.getKey() + "'"));
            if (!scheme.contains(vehicleClass)) {
                throw new Invalid(CLASS_NOT_IN_SCHEME, field, "class " + vehicleClass + " is not part of scheme "
                        + scheme + "; allowed: " + scheme.classes());
            }
            JsonNode value = entry.getValue();
            if (!value.isIntegralNumber()) {
                throw new Invalid(FIELD_TYPE, field, "a count must be a whole number");
            }
            if (value.canConvertToLong() && value.asLong() < 0 || value.isBigInteger() && value.bigIntegerValue().signum() < 0) {
                throw new Invalid(COUNT_NEGATIVE, field, "a count cannot be negative");
            }
            // More than one vehicle per second on one lane is physically impossible: a device fault, not traffic.
            // One class alone is checked here (to name it, and to keep the sum from overflowing); the lane total below.
            if (!value.canConvertToInt() || value.asInt() > maxVehicles) {
                throw new Invalid(COUNT_IMPLAUSIBLE, field, "more than " + maxVehicles
                        + " vehicles in this interval (one per second and lane) is not plausible");
            }
            counts.put(vehicleClass, value.asInt());
        }
        return counts;
    }

    private Double speed(JsonNode lane, String name, String path) {
        Double speed = optionalNumber(lane, name, path + "." + name);
        if (speed != null && (speed < 0 || speed > Limits.MAX_SPEED_KMH)) {
            throw new Invalid(SPEED_OUT_OF_RANGE, path + "." + name, "speed must be 0 to " + Limits.MAX_SPEED_KMH + " km/h");
        }
        return speed;
    }

    private SpeedHistogram histogram(JsonNode lane, String path, int laneTotal) {
        JsonNode node = lane.get("speedHist");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new Invalid(HISTOGRAM_INVALID, path, "speedHist must be {\"bin\": km/h, \"counts\": [...]}");
        }
        long bin = integer(node, "bin", path + ".bin");
        if (bin < 1 || bin > Limits.MAX_HISTOGRAM_BIN_WIDTH_KMH) {
            throw new Invalid(HISTOGRAM_INVALID, path + ".bin",
                    "bin width must be 1 to " + Limits.MAX_HISTOGRAM_BIN_WIDTH_KMH + " km/h");
        }
        JsonNode countsNode = required(node, "counts", path + ".counts");
        if (!countsNode.isArray() || countsNode.size() > Limits.MAX_HISTOGRAM_BINS) {
            throw new Invalid(HISTOGRAM_INVALID, path + ".counts",
                    "counts must be an array of at most " + Limits.MAX_HISTOGRAM_BINS + " bins");
        }
        int[] counts = new int[countsNode.size()];
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            JsonNode c = countsNode.get(i);
            if (!c.isIntegralNumber() || !c.canConvertToInt() || c.asInt() < 0) {
                throw new Invalid(HISTOGRAM_INVALID, path + ".counts[" + i + "]", "a bin count must be a whole number ≥ 0");
            }
            counts[i] = c.asInt();
            sum += counts[i];
        }
        if (sum > laneTotal) {
            throw new Invalid(HISTOGRAM_INVALID, path, "the histogram holds " + sum + " vehicles, the lane only "
                    + laneTotal);
        }
        return new SpeedHistogram((int) bin, counts);
    }
}
