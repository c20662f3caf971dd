package org.roadpulse.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;

/**
 * Encodes and decodes count intervals in either encoding of contract v1. Decoding never throws for bad input:
 * every problem comes back as a {@link Verdict.Rejected} with a reason code from {@link Reasons}.
 */
public final class CountIntervalCodec {

    private final Clock clock;

    /** @param clock the service's clock, against which device timestamps are checked for skew */
    public CountIntervalCodec(Clock clock) {
        this.clock = clock;
    }

    public CountIntervalCodec() {
        this(Clock.systemUTC());
    }

    public Verdict<CountInterval> decode(byte[] payload, Encoding encoding) {
        if (payload.length > Limits.MAX_PAYLOAD_BYTES) {
            return Verdict.rejected(Reasons.PAYLOAD_TOO_LARGE, null,
                    "payload has " + payload.length + " bytes; the limit is " + Limits.MAX_PAYLOAD_BYTES);
        }
        JsonNode root;
        try {
            root = WireMappers.of(encoding).readTree(payload);
        } catch (IOException | RuntimeException e) {
            return Verdict.rejected(Reasons.PAYLOAD_MALFORMED, null, "not valid " + encoding + ": " + firstLine(e));
        }
        if (root == null || root.isMissingNode()) {
            return Verdict.rejected(Reasons.PAYLOAD_MALFORMED, null, "empty payload");
        }
        return new CountIntervalReader(clock.instant()).read(root);
    }

    public byte[] encode(CountInterval interval, Encoding encoding) {
        return WireMappers.write(toTree(interval), encoding);
    }

    /** The payload as a tree, in the field order of the spec. */
    public static ObjectNode toTree(CountInterval interval) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("v", 1);
        root.put("device", interval.deviceId());
        root.put("seq", interval.seq());
        root.put("start", WireTime.format(interval.start()));
        root.put("length", interval.lengthSeconds());
        root.put("fw", interval.firmware());
        root.put("scheme", interval.scheme().wireName());
        ArrayNode lanes = root.putArray("lanes");
        for (LaneInterval lane : interval.lanes()) {
            ObjectNode node = lanes.addObject();
            node.put("lane", lane.lane());
            node.put("dir", lane.direction().wireName());
            ObjectNode counts = node.putObject("counts");
            lane.counts().forEach((vehicleClass, count) -> counts.put(vehicleClass.wireName(), count));
            putIfPresent(node, "meanSpeed", lane.meanSpeedKmh());
            putIfPresent(node, "v85", lane.v85Kmh());
            if (lane.speedHistogram() != null) {
                ObjectNode hist = node.putObject("speedHist");
                hist.put("bin", lane.speedHistogram().binWidthKmh());
                ArrayNode bins = hist.putArray("counts");
                for (int c : lane.speedHistogram().counts()) {
                    bins.add(c);
                }
            }
            putIfPresent(node, "occupancy", lane.occupancy());
        }
        return root;
    }

    private static void putIfPresent(ObjectNode node, String name, Double value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
