package org.roadpulse.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.roadpulse.protocol.testing.TestVectors;
import org.roadpulse.protocol.testing.TestVectors.Vector;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that the codec gives every test vector of firmware-specs/v1 the verdict the contract expects. */
class ContractVectorsTest {

    /** Reasons that depend on the sender or the transport, not on the payload bytes: no vector can show them. */
    private static final Set<String> INTAKE_ONLY_REASONS = Set.of(Reasons.ENCODING_UNSUPPORTED,
            Reasons.DEVICE_MISMATCH, Reasons.DEVICE_UNKNOWN, Reasons.AUTH_MISSING, Reasons.AUTH_INVALID,
            Reasons.SERVICE_UNAVAILABLE, Reasons.DEVICE_REVOKED, Reasons.RATE_EXCEEDED);

    private final CountIntervalCodec codec = new CountIntervalCodec(TestVectors.clock());

    static List<Vector> acceptedVectors() {
        return TestVectors.accepted();
    }

    static List<Vector> rejectedVectors() {
        return TestVectors.rejected();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedVectors")
    void acceptsValidVector(Vector vector) {
        // GIVEN a payload the contract calls valid, and the service clock of the vectors
        // WHEN it is decoded in its encoding
        Verdict<CountInterval> verdict = codec.decode(vector.bytes(), vector.encoding());

        // THEN it is accepted
        assertThat(verdict.isAccepted())
                .as("%s (%s) was rejected: %s", vector, vector.description(),
                        verdict.isAccepted() ? null : verdict.rejection())
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedVectors")
    void rejectsInvalidVectorWithItsReasonAndField(Vector vector) {
        // GIVEN a payload the contract calls invalid
        // WHEN it is decoded in its encoding
        Verdict<CountInterval> verdict = codec.decode(vector.bytes(), vector.encoding());

        // THEN it is rejected with the reason and field path of the vector
        assertThat(verdict.isAccepted()).as("%s (%s) was accepted", vector, vector.description()).isFalse();
        assertThat(verdict.rejection())
                .as("%s: %s", vector, vector.description())
                .extracting(Rejection::reason, Rejection::field)
                .containsExactly(vector.reason(), vector.field());
    }

    @Test
    void everyReasonThePayloadCanCauseHasAVector() {
        // GIVEN the reason codes of the contract that a payload alone can cause
        Set<String> payloadReasons = Arrays.stream(Reasons.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(ContractVectorsTest::constant)
                .filter(reason -> !INTAKE_ONLY_REASONS.contains(reason))
                .collect(Collectors.toSet());

        // WHEN the vectors' reasons are collected
        Set<String> covered = TestVectors.rejected().stream().map(Vector::reason).collect(Collectors.toSet());

        // THEN each of them is shown by at least one vector, and no vector names a reason the contract lacks
        assertThat(covered).containsAll(payloadReasons);
        assertThat(payloadReasons).containsAll(covered);
    }

    @Test
    void vectorsAreManyUniqueAndInBothEncodings() {
        // GIVEN the vector index
        List<Vector> vectors = TestVectors.all();

        // THEN names are unique, there are enough, and CBOR is covered both ways
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(40);
        assertThat(vectors.stream().map(Vector::name).distinct()).hasSameSizeAs(vectors);
        assertThat(TestVectors.in(Encoding.CBOR)).hasSizeGreaterThanOrEqualTo(6)
                .anyMatch(Vector::accepted).anyMatch(v -> !v.accepted());
        assertThat(vectors).allSatisfy(v -> assertThat(v.file()).startsWith(v.name() + "."));
    }

    @Test
    void cborAndJsonVectorsOfOnePayloadDecodeToTheSameInterval() {
        // GIVEN accepted CBOR vectors and the accepted JSON vectors of the same name
        var jsonByStem = TestVectors.accepted().stream().filter(v -> v.encoding() == Encoding.JSON)
                .collect(Collectors.toMap(Vector::stem, Function.identity()));
        List<Vector> twins = TestVectors.accepted().stream()
                .filter(v -> v.encoding() == Encoding.CBOR && jsonByStem.containsKey(v.stem())).toList();
        assertThat(twins).hasSizeGreaterThanOrEqualTo(6);

        for (Vector cbor : twins) {
            Vector json = jsonByStem.get(cbor.stem());
            // WHEN both are decoded
            // THEN they give equal intervals
            assertThat(codec.decode(cbor.bytes(), Encoding.CBOR).value()).as(cbor.name())
                    .isEqualTo(codec.decode(json.bytes(), Encoding.JSON).value());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedVectors")
    void sniffsTheEncodingOfEveryValidVector(Vector vector) {
        // GIVEN a valid payload without a content type, as over MQTT 3.1.1
        // WHEN its encoding is guessed
        // THEN the guess is its encoding
        assertThat(Encoding.sniff(vector.bytes())).isEqualTo(vector.encoding());
    }

    @Test
    void tooLargeVectorIsOtherwiseValid() {
        // GIVEN the oversized vector
        Vector tooLarge = TestVectors.rejected().stream()
                .filter(v -> Reasons.PAYLOAD_TOO_LARGE.equals(v.reason())).findFirst().orElseThrow();
        assertThat(tooLarge.bytes().length).isGreaterThan(Limits.MAX_PAYLOAD_BYTES);

        // WHEN it is parsed without the size limit
        JsonNode tree = parseWithoutLimit(tooLarge);

        // THEN its content alone would pass: it is refused for its size only
        assertThat(new CountIntervalReader(TestVectors.now()).read(tree).isAccepted()).isTrue();
    }

    private static JsonNode parseWithoutLimit(Vector vector) {
        try {
            return new ObjectMapper().readTree(vector.bytes());
        } catch (IOException e) {
            throw new AssertionError(vector + " is not JSON", e);
        }
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
