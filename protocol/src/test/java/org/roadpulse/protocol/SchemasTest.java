package org.roadpulse.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.roadpulse.protocol.testing.Intervals;
import org.roadpulse.protocol.testing.TestVectors;
import org.roadpulse.protocol.testing.TestVectors.Vector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that the JSON schemas of firmware-specs/v1 say what the codec does, so that a firmware author who
 * validates against them is not misled: same verdict on every JSON vector, except where a rule is beyond JSON Schema.
 */
class SchemasTest {

    private static final String SCHEMAS = "org/roadpulse/firmware/v1/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Vectors the schema must let pass although the codec refuses them: their rule compares values with each other,
     * with the clock or with the byte size, or tells 61.0 from 61 (JSON Schema's "integer" takes both).
     */
    private static final Set<String> BEYOND_SCHEMA = Set.of(
            "payload-too-large",
            "type-count-float-whole",
            "time-misaligned",
            "time-fractional-second",
            "time-clock-unset",
            "time-future",
            "lane-duplicate",
            "count-class-above-one-per-second",
            "count-lane-above-one-per-second",
            "histogram-more-than-lane",
            "lane-zero-beside-single-lane",
            "lane-zero-implausible");

    private static final JsonSchema COUNT_INTERVAL = schema("count-interval.schema.json");
    private static final JsonSchema STATUS = schema("status.schema.json");
    private static final JsonSchema CONFIG = schema("config.schema.json");

    static List<Vector> parseableJsonVectors() {
        return TestVectors.in(Encoding.JSON).stream()
                .filter(v -> !Reasons.PAYLOAD_MALFORMED.equals(v.reason()))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parseableJsonVectors")
    void schemaAgreesWithTheCodecOnVector(Vector vector) throws IOException {
        // GIVEN a JSON vector that parses
        JsonNode payload = JSON.readTree(vector.bytes());

        // WHEN it is validated against the count-interval schema
        Set<ValidationMessage> errors = COUNT_INTERVAL.validate(payload);

        // THEN the schema accepts what the codec accepts, and rejects what it rejects unless the rule is beyond it
        boolean schemaAccepts = errors.isEmpty();
        if (BEYOND_SCHEMA.contains(vector.stem())) {
            assertThat(schemaAccepts).as("%s is listed as beyond the schema but the schema rejects it: %s",
                    vector, errors).isTrue();
        } else {
            assertThat(schemaAccepts).as("%s (%s): %s", vector, vector.description(), errors)
                    .isEqualTo(vector.accepted());
        }
    }

    @Test
    void everyVectorBeyondTheSchemaExists() {
        Set<String> stems = TestVectors.all().stream().map(Vector::stem).collect(Collectors.toSet());

        assertThat(stems).containsAll(BEYOND_SCHEMA);
    }

    @Test
    void schemaAcceptsWhatTheEncoderWrites() throws IOException {
        // GIVEN a day of sample intervals in every scheme, as the codec encodes them
        List<byte[]> payloads = new ArrayList<>();
        CountIntervalCodec codec = new CountIntervalCodec();
        for (ClassScheme scheme : ClassScheme.values()) {
            for (int hour = 0; hour < 24; hour++) {
                payloads.add(codec.encode(Intervals.sample("loop-09162000-0001", hour, Instant.parse("2026-06-01T00:00:00Z")
                        .plusSeconds(hour * 3600L), 900, scheme), Encoding.JSON));
            }
        }

        for (byte[] payload : payloads) {
            // WHEN validated, THEN each is valid
            assertThat(COUNT_INTERVAL.validate(JSON.readTree(payload))).isEmpty();
        }
    }

    @Test
    void schemaStatesTheContractsLimits() throws IOException {
        // GIVEN the schema as a document
        JsonNode schema = schemaDocument("count-interval.schema.json");
        JsonNode properties = schema.get("properties");
        JsonNode lane = schema.get("$defs").get("lane").get("properties");

        // THEN its numbers and patterns are those of Limits and the codec
        assertThat(properties.at("/device/pattern").asText()).isEqualTo("^" + Limits.DEVICE_ID_PATTERN + "$");
        assertThat(properties.at("/start/pattern").asText()).isEqualTo("^" + WireTime.RFC_3339_PATTERN + "$");
        assertThat(properties.at("/seq/maximum").asLong()).isEqualTo(Limits.MAX_SEQ);
        assertThat(properties.at("/fw/maxLength").asInt()).isEqualTo(Limits.MAX_FIRMWARE_LENGTH);
        assertThat(properties.at("/lanes/maxItems").asInt()).isEqualTo(Limits.MAX_LANES);
        assertThat(ints(properties.at("/length/enum"))).containsExactlyInAnyOrderElementsOf(Limits.INTERVAL_LENGTHS_SECONDS);
        assertThat(lane.at("/lane/maximum").asInt()).isEqualTo(Limits.MAX_LANE_NUMBER);
        assertThat(lane.at("/speedHist/properties/bin/maximum").asInt()).isEqualTo(Limits.MAX_HISTOGRAM_BIN_WIDTH_KMH);
        assertThat(lane.at("/speedHist/properties/counts/maxItems").asInt()).isEqualTo(Limits.MAX_HISTOGRAM_BINS);
        assertThat(schema.at("/$defs/speed/maximum").asDouble()).isEqualTo(Limits.MAX_SPEED_KMH);
        assertThat(schema.at("/$defs/count/maximum").asInt())
                .isEqualTo(Limits.MAX_LANE_NUMBER
                        * Limits.INTERVAL_LENGTHS_SECONDS.stream().mapToInt(Integer::intValue).max().orElseThrow());
    }

    @Test
    void schemaNamesTheClassesOfEachScheme() throws IOException {
        JsonNode rules = schemaDocument("count-interval.schema.json").get("allOf");

        for (JsonNode rule : rules) {
            ClassScheme scheme = ClassScheme.fromWireName(rule.at("/if/properties/scheme/const").asText()).orElseThrow();
            JsonNode names = rule.at("/then/properties/lanes/items/properties/counts/propertyNames/enum");
            assertThat(texts(names)).as(scheme.wireName()).containsExactlyInAnyOrderElementsOf(
                    scheme.classes().stream().map(VehicleClass::wireName).toList());
        }
        assertThat(rules).hasSize(ClassScheme.values().length);
    }

    @Test
    void statusSchemaAcceptsHeartbeatAndLastWill() throws IOException {
        StatusReport heartbeat = new StatusReport("tls-09162000-0042", Instant.parse("2026-06-01T11:59:30Z"),
                StatusReport.State.ONLINE, "rp-agent 1.4.2", 0L, 18342L, 3600L);
        StatusReport will = StatusReport.lastWill("tls-09162000-0042", "rp-agent 1.4.2");
        StatusReport cameraDown = heartbeat.withSensor(
                StatusReport.Sensor.down(Instant.parse("2026-06-01T11:58:00Z"), "the stream ended"));

        assertThat(STATUS.validate(JSON.readTree(StatusCodec.encode(heartbeat, Encoding.JSON)))).isEmpty();
        assertThat(STATUS.validate(JSON.readTree(StatusCodec.encode(cameraDown, Encoding.JSON)))).isEmpty();
        assertThat(STATUS.validate(JSON.readTree(StatusCodec.encode(will, Encoding.JSON)))).isEmpty();
    }

    @Test
    void statusSchemaRejectsWhatTheCodecRejects() throws IOException {
        for (String invalid : List.of(
                "{\"device\":\"tls-09162000-0042\",\"state\":\"online\",\"fw\":\"x\"}",
                "{\"v\":1,\"device\":\"tls-09162000-0042\",\"state\":\"sleeping\",\"fw\":\"x\"}",
                "{\"v\":1,\"device\":\"tls-09162000-0042\",\"state\":\"online\",\"fw\":\"x\",\"outbox\":-1}",
                "{\"v\":1,\"device\":\"tls-09162000-0042\",\"state\":\"online\",\"fw\":\"x\",\"at\":\"11:59\"}",
                "{\"v\":1,\"device\":\"tls-09162000-0042\",\"state\":\"online\",\"fw\":\"x\",\"sensor\":{}}",
                "{\"v\":1,\"device\":\"tls-09162000-0042\",\"state\":\"online\",\"fw\":\"x\",\"sensor\":{\"state\":\"off\"}}",
                "{\"v\":1,\"device\":\"tls-09162000-0042\",\"state\":\"online\",\"fw\":\"x\",\"sensor\":\"down\"}")) {
            assertThat(StatusCodec.decodeStatus(invalid.getBytes(), Encoding.JSON).isAccepted()).as(invalid).isFalse();
            assertThat(STATUS.validate(JSON.readTree(invalid))).as(invalid).isNotEmpty();
        }
    }

    @Test
    void configSchemaAgreesWithTheCodec() throws IOException {
        byte[] valid = StatusCodec.encode(new DeviceConfig(300, 60), Encoding.JSON);
        assertThat(CONFIG.validate(JSON.readTree(valid))).isEmpty();

        for (String invalid : List.of(
                "{\"v\":1,\"interval\":120,\"statusPeriod\":60}",
                "{\"v\":1,\"interval\":300,\"statusPeriod\":4}",
                "{\"v\":1,\"interval\":\"300\",\"statusPeriod\":60}",
                "{\"v\":2,\"interval\":300,\"statusPeriod\":60}")) {
            assertThat(StatusCodec.decodeConfig(invalid.getBytes(), Encoding.JSON).isAccepted()).as(invalid).isFalse();
            assertThat(CONFIG.validate(JSON.readTree(invalid))).as(invalid).isNotEmpty();
        }
    }

    private static JsonSchema schema(String file) {
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaDocument(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode schemaDocument(String file) throws IOException {
        try (InputStream in = SchemasTest.class.getClassLoader().getResourceAsStream(SCHEMAS + file)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMAS + file + " is not on the test classpath");
            }
            return JSON.readTree(in);
        }
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asInt()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
