package org.roadpulse.protocol.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.roadpulse.protocol.Encoding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The contract's test vectors (firmware-specs/v1/vectors): payloads with the verdict the service must give them,
 * read from the classpath. A module using them needs {@code firmware-specs} on its test classpath besides this jar.
 *
 * <p>The verdicts hold under the service clock {@link #now()}: decode with {@link #clock()}.
 */
public final class TestVectors {

    /** Where firmware-specs puts the vectors on the classpath. */
    public static final String ROOT = "org/roadpulse/firmware/v1/vectors/";

    public enum Expected { ACCEPTED, REJECTED }

    /**
     * One vector.
     *
     * @param name   e.g. {@code 053-time-misaligned}; also the file name without its extension
     * @param reason the expected reason code when rejected, else null
     * @param field  the expected field path when rejected, or null (accepted, or the payload as a whole)
     */
    public record Vector(
            String name,
            String file,
            Encoding encoding,
            Expected verdict,
            String reason,
            String field,
            String description,
            byte[] bytes) {

        public Vector {
            bytes = bytes.clone();
        }

        /** A copy, so that one test cannot spoil the payload for the next. */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public boolean accepted() {
            return verdict == Expected.ACCEPTED;
        }

        /** The name without its number: a JSON and a CBOR vector of the same payload share it. */
        public String stem() {
            return name.substring(name.indexOf('-') + 1);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Vector other && name.equals(other.name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        /** The name, so that parameterised tests show which vector failed. */
        @Override
        public String toString() {
            return name;
        }
    }

    private record Index(Instant now, List<Vector> vectors) {
    }

    /** Loaded once, on first use. */
    private static final class Holder {
        static final Index INDEX = load();
    }

    private TestVectors() {
    }

    public static List<Vector> all() {
        return Holder.INDEX.vectors();
    }

    public static List<Vector> accepted() {
        return all().stream().filter(Vector::accepted).toList();
    }

    public static List<Vector> rejected() {
        return all().stream().filter(v -> !v.accepted()).toList();
    }

    public static List<Vector> in(Encoding encoding) {
        return all().stream().filter(v -> v.encoding() == encoding).toList();
    }

    public static Vector named(String name) {
        return all().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test vector named " + name));
    }

    /** The JSON vector of this stem, the name without its number, e.g. {@code valid-8plus1-two-directions}. */
    public static Vector json(String stem) {
        return withStem(stem, Encoding.JSON);
    }

    /** The CBOR vector of this stem, the name without its number. */
    public static Vector cbor(String stem) {
        return withStem(stem, Encoding.CBOR);
    }

    private static Vector withStem(String stem, Encoding encoding) {
        return all().stream().filter(v -> v.stem().equals(stem) && v.encoding() == encoding).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + encoding + " test vector " + stem));
    }

    /** The service time under which the expected verdicts hold (the checks against the future depend on it). */
    public static Instant now() {
        return Holder.INDEX.now();
    }

    /** A clock fixed at {@link #now()}. */
    public static Clock clock() {
        return Clock.fixed(now(), ZoneOffset.UTC);
    }

    private static Index load() {
        JsonNode index;
        try {
            index = new ObjectMapper().readTree(resource("vectors.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + "vectors.json", e);
        }
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode entry : index.get("vectors")) {
            String file = entry.get("file").asText();
            vectors.add(new Vector(
                    entry.get("name").asText(),
                    file,
                    Encoding.valueOf(entry.get("encoding").asText().toUpperCase(Locale.ROOT)),
                    Expected.valueOf(entry.get("verdict").asText().toUpperCase(Locale.ROOT)),
                    textOrNull(entry.get("reason")),
                    textOrNull(entry.get("field")),
                    entry.get("description").asText(),
                    resource(file)));
        }
        return new Index(Instant.parse(index.get("now").asText()), List.copyOf(vectors));
    }

    private static byte[] resource(String file) {
        try (InputStream in = TestVectors.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException(ROOT + file + " is not on the classpath: add the firmware-specs"
                        + " artifact as a test dependency");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + file, e);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
