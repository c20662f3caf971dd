package org.roadpulse.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadpulse.protocol.testing.Intervals;
import org.roadpulse.protocol.testing.TestVectors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that the codec writes what it reads, in both encodings, and checks time against the injected clock. */
class CountIntervalCodecTest {

    private static final Instant START = Instant.parse("2026-06-01T06:30:00Z");
    /** A service clock well after every interval of these tests. */
    private final CountIntervalCodec codec = new CountIntervalCodec(Clock.fixed(START.plusSeconds(86_400), ZoneOffset.UTC));

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void encodedIntervalDecodesToAnEqualInterval(Encoding encoding) {
        // GIVEN a day of 5-minute intervals, with histograms, speeds and occupancy
        List<CountInterval> day = Intervals.sampleSeries("loop-09162000-0001", 100, 288, START, 300);

        for (CountInterval interval : day) {
            // WHEN each is encoded and decoded again
            Verdict<CountInterval> decoded = codec.decode(codec.encode(interval, encoding), encoding);

            // THEN the result equals the original
            assertThat(decoded.value()).isEqualTo(interval);
        }
    }

    @ParameterizedTest
    @EnumSource(ClassScheme.class)
    void everySchemeRoundTripsInBothEncodings(ClassScheme scheme) {
        // GIVEN an interval in a coarser or finer scheme
        CountInterval interval = Intervals.sample("radar-08111000-0007", 7, START, 900, scheme);

        // WHEN it goes through JSON and through CBOR
        CountInterval viaJson = codec.decode(codec.encode(interval, Encoding.JSON), Encoding.JSON).value();
        CountInterval viaCbor = codec.decode(codec.encode(interval, Encoding.CBOR), Encoding.CBOR).value();

        // THEN both give the original
        assertThat(viaJson).isEqualTo(interval);
        assertThat(viaCbor).isEqualTo(interval);
    }

    @Test
    void intervalWithoutOptionalFieldsRoundTrips() {
        // GIVEN an interval with counts only
        CountInterval interval = new CountInterval("loop-09162000-0013", 4711, START, 60, "fw 1", ClassScheme.TLS_8_1,
                List.of(new LaneInterval(1, Direction.FORWARD, Map.of(VehicleClass.PKW, 12), null, null, null, null)));

        for (Encoding encoding : Encoding.values()) {
            // WHEN it is encoded and decoded
            // THEN the absent fields stay absent
            assertThat(codec.decode(codec.encode(interval, encoding), encoding).value()).isEqualTo(interval);
        }
    }

    @Test
    void leavesAbsentOptionalFieldsOutOfThePayload() throws IOException {
        // GIVEN a lane without speed, histogram or occupancy
        CountInterval interval = new CountInterval("loop-09162000-0013", 1, START, 300, "fw 1", ClassScheme.TLS_2_1,
                List.of(new LaneInterval(2, Direction.BACKWARD, Map.of(VehicleClass.PKW_AEHNLICH, 3),
                        null, null, null, null)));

        // WHEN it is encoded as JSON
        JsonNode lane = new ObjectMapper().readTree(codec.encode(interval, Encoding.JSON)).get("lanes").get(0);

        // THEN the lane has exactly its required fields, no nulls
        assertThat(lane.fieldNames()).toIterable().containsExactly("lane", "dir", "counts");
    }

    @Test
    void writesStartAsUtcWithSecondsAndFieldsInSpecOrder() throws IOException {
        // GIVEN an interval starting on a full hour
        CountInterval interval = Intervals.sample("loop-09162000-0001", 5, Instant.parse("2026-06-01T10:00:00Z"), 3600);

        // WHEN it is encoded as JSON
        JsonNode root = new ObjectMapper().readTree(codec.encode(interval, Encoding.JSON));

        // THEN start reads as in the spec and the fields come in the spec's order
        assertThat(root.get("start").asText()).isEqualTo("2026-06-01T10:00:00Z");
        assertThat(root.fieldNames()).toIterable()
                .containsExactly("v", "device", "seq", "start", "length", "fw", "scheme", "lanes");
    }

    @Test
    void writesCborWithDefiniteLengths() {
        // GIVEN a sample interval
        CountInterval interval = Intervals.sample("loop-09162000-0001", 5, START);

        // WHEN it is encoded as CBOR
        byte[] cbor = codec.encode(interval, Encoding.CBOR);

        // THEN the payload is a map of 8 entries with its length up front (0xA8), not an indefinite map (0xBF)
        assertThat(cbor[0] & 0xFF).isEqualTo(0xA8);
        assertThat(cbor).doesNotContain((byte) 0xFF);
    }

    @Test
    void judgesTheFutureByTheInjectedClock() {
        // GIVEN an interval 11:55–12:00 and two service clocks
        CountInterval interval = Intervals.sample("loop-09162000-0001", 5, Instant.parse("2026-06-01T11:55:00Z"));
        byte[] payload = codec.encode(interval, Encoding.JSON);
        CountIntervalCodec atNoon = new CountIntervalCodec(Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC));
        CountIntervalCodec anHourEarlier = new CountIntervalCodec(
                Clock.fixed(Instant.parse("2026-06-01T11:00:00Z"), ZoneOffset.UTC));

        // WHEN both decode it
        // THEN only the clock it lies ahead of calls it future
        assertThat(atNoon.decode(payload, Encoding.JSON).isAccepted()).isTrue();
        assertThat(anHourEarlier.decode(payload, Encoding.JSON).rejection().reason()).isEqualTo(Reasons.TIME_FUTURE);
    }

    @Test
    void rejectsPayloadOneByteOverTheLimitBeforeParsing() {
        // GIVEN a payload of 16 KiB + 1 byte that is not even JSON
        byte[] payload = new byte[Limits.MAX_PAYLOAD_BYTES + 1];

        // WHEN it is decoded
        Verdict<CountInterval> verdict = codec.decode(payload, Encoding.JSON);

        // THEN it is refused for its size, not for its content
        assertThat(verdict.rejection().reason()).isEqualTo(Reasons.PAYLOAD_TOO_LARGE);
    }

    @Test
    void rejectsDuplicateKeyInCborAsInJson() throws IOException {
        // GIVEN the JSON vector with seq twice, transcoded token by token to CBOR (a tree cannot hold duplicates)
        byte[] json = TestVectors.json("malformed-duplicate-key").bytes();
        ByteArrayOutputStream cbor = new ByteArrayOutputStream();
        try (JsonParser parser = new JsonFactory().createParser(json);
             JsonGenerator generator = new CBORFactory().createGenerator(cbor)) {
            while (parser.nextToken() != null) {
                generator.copyCurrentEvent(parser);
            }
        }

        // WHEN the CBOR is decoded
        Verdict<CountInterval> verdict = codec.decode(cbor.toByteArray(), Encoding.CBOR);

        // THEN it is malformed: sender and service could disagree on which seq holds
        assertThat(verdict.rejection().reason()).isEqualTo(Reasons.PAYLOAD_MALFORMED);
    }
}
