package org.roadpulse.ingest.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.CountIntervalCodec;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.Limits;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.testing.Intervals;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Count payloads for fuzzing the intake: valid intervals with fresh seqs, interleaved with malformed ones whose
 * verdict is known by construction (random bytes, truncations, wrong types, negative and huge numbers, times far in
 * the past or future, another device's name, control characters in text, oversized). Seeded, so a failure can be replayed.
 */
final class FuzzedPayloads {

    /** What a payload is, and the reason the intake must give it ({@code null}: any reason, as long as one is given). */
    enum Kind {
        VALID(null),
        RANDOM_BYTES(null),
        TRUNCATED(null),
        WRONG_TYPE(Reasons.FIELD_TYPE),
        NEGATIVE_COUNT(Reasons.COUNT_NEGATIVE),
        HUGE_COUNT(Reasons.COUNT_IMPLAUSIBLE),
        HUGE_SEQ(Reasons.SEQ_INVALID),
        FAR_PAST(Reasons.TIME_TOO_OLD),
        FAR_FUTURE(Reasons.TIME_FUTURE),
        OTHER_DEVICE(Reasons.DEVICE_MISMATCH),
        CONTROL_CHARACTER(Reasons.FIRMWARE_INVALID),
        NUL_IN_CLASS_NAME(Reasons.CLASS_UNKNOWN),
        OVERSIZED(Reasons.PAYLOAD_TOO_LARGE);

        final String reason;

        Kind(String reason) {
            this.reason = reason;
        }
    }

    /** @param seq the interval's seq for a valid payload, -1 otherwise */
    record Payload(Kind kind, Encoding encoding, byte[] bytes, long seq) {

        boolean valid() {
            return kind == Kind.VALID;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private static final int LENGTH_SECONDS = 60;
    private static final Kind[] MALFORMED = Arrays.copyOfRange(Kind.values(), 1, Kind.values().length);

    private final SplittableRandom random;
    private final String device;
    private final Instant now;
    private final Instant firstStart;
    private final double validShare;
    private final boolean oversizedAllowed;
    private long nextSeq = 1;

    /**
     * @param validShare       the share of valid payloads (0–1)
     * @param oversizedAllowed false for a transport that refuses large bodies before the intake sees them
     */
    FuzzedPayloads(long seed, String device, Instant now, double validShare, boolean oversizedAllowed) {
        this.random = new SplittableRandom(seed);
        this.device = device;
        this.now = now;
        // Valid intervals follow each other minute by minute from here: 10,000 of them end before now.
        this.firstStart = Intervals.alignedStart(now.minus(Duration.ofDays(8)), LENGTH_SECONDS);
        this.validShare = validShare;
        this.oversizedAllowed = oversizedAllowed;
    }

    /** Hands out {@code n} payloads in a random mix. */
    void generate(int n, Consumer<Payload> sink) {
        for (int i = 0; i < n; i++) {
            sink.accept(next());
        }
    }

    Payload next() {
        Encoding encoding = random.nextBoolean() ? Encoding.JSON : Encoding.CBOR;
        if (random.nextDouble() < validShare) {
            long seq = nextSeq++;
            return new Payload(Kind.VALID, encoding, write(tree(seq, seq), encoding), seq);
        }
        Kind kind;
        do {
            kind = MALFORMED[random.nextInt(MALFORMED.length)];
        } while (kind == Kind.OVERSIZED && !oversizedAllowed);
        return new Payload(kind, encoding, malformed(kind, encoding), -1);
    }

    private byte[] malformed(Kind kind, Encoding encoding) {
        // Malformed payloads take seqs far above the valid ones, so a wrongly accepted one could never collide.
        ObjectNode tree = tree(1_000_000 + random.nextInt(1_000_000), random.nextInt(10_000));
        switch (kind) {
            case RANDOM_BYTES -> {
                byte[] noise = new byte[1 + random.nextInt(300)];
                random.nextBytes(noise);
                return noise;
            }
            case TRUNCATED -> {
                byte[] whole = write(tree, encoding);
                return Arrays.copyOf(whole, random.nextInt(whole.length));
            }
            case WRONG_TYPE -> {
                switch (random.nextInt(3)) {
                    case 0 -> tree.put("seq", String.valueOf(tree.get("seq").asLong()));
                    case 1 -> firstLaneCounts(tree).put("Pkw", "many");
                    default -> tree.putObject("lanes").put("lane", 1);
                }
            }
            case NEGATIVE_COUNT -> firstLaneCounts(tree).put("Pkw", -1 - random.nextInt(1000));
            case HUGE_COUNT -> firstLaneCounts(tree).put("Pkw", 1_000_000_000 + random.nextInt(1_000_000_000));
            case HUGE_SEQ -> tree.put("seq", Limits.MAX_SEQ + 1 + random.nextInt(1_000_000));
            case FAR_PAST -> tree.put("start", "1970-01-01T00:" + String.format("%02d", random.nextInt(60)) + ":00Z");
            case FAR_FUTURE -> tree.put("start", now.plus(Duration.ofDays(1 + random.nextInt(36_500)))
                    .truncatedTo(ChronoUnit.MINUTES).toString());
            case OTHER_DEVICE -> tree.put("device", "not-" + device);
            case CONTROL_CHARACTER -> tree.put("fw", "rp-agent" + (char) random.nextInt(0x20) + "1.4");
            case NUL_IN_CLASS_NAME -> firstLaneCounts(tree).put("P\0kw", 1);
            case OVERSIZED -> tree.put("padding", "x".repeat(Limits.MAX_PAYLOAD_BYTES + random.nextInt(16_000)));
            default -> throw new IllegalArgumentException(kind + " is not malformed");
        }
        return write(tree, encoding);
    }

    private ObjectNode tree(long seq, long minute) {
        CountInterval interval = Intervals.sample(device, seq, firstStart.plusSeconds(minute * LENGTH_SECONDS),
                LENGTH_SECONDS);
        return CountIntervalCodec.toTree(interval);
    }

    private static ObjectNode firstLaneCounts(ObjectNode tree) {
        return (ObjectNode) tree.get("lanes").get(0).get("counts");
    }

    private static byte[] write(ObjectNode tree, Encoding encoding) {
        try {
            return (encoding == Encoding.CBOR ? CBOR : JSON).writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
