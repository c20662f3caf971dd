package org.roadpulse.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the heartbeat, the last will and the configuration downlink on the wire. */
class StatusCodecTest {

    private static final String DEVICE = "tls-09162000-0042";

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void heartbeatRoundTrips(Encoding encoding) {
        // GIVEN a heartbeat with every field
        StatusReport heartbeat = new StatusReport(DEVICE, Instant.parse("2026-06-01T11:59:30Z"),
                StatusReport.State.ONLINE, "rp-agent 1.4.2", 3L, 18342L, 86_400L);

        // WHEN it is encoded and decoded
        Verdict<StatusReport> decoded = StatusCodec.decodeStatus(StatusCodec.encode(heartbeat, encoding), encoding);

        // THEN it is the same report
        assertThat(decoded.value()).isEqualTo(heartbeat);
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void cameraDownRoundTrips(Encoding encoding) {
        // GIVEN an online camera unit whose stream dropped at 11:58:00
        StatusReport heartbeat = new StatusReport(DEVICE, Instant.parse("2026-06-01T11:59:30Z"),
                StatusReport.State.ONLINE, "rp-agent 1.5.0", 3L, 18342L, 86_400L,
                StatusReport.Sensor.down(Instant.parse("2026-06-01T11:58:00Z"), "the stream ended"));

        // WHEN it is encoded and decoded
        Verdict<StatusReport> decoded = StatusCodec.decodeStatus(StatusCodec.encode(heartbeat, encoding), encoding);

        // THEN the sensor's state, since and reason survive
        assertThat(decoded.value()).isEqualTo(heartbeat);
    }

    @Test
    void sensorIsANestedObjectOnTheWire() throws IOException {
        StatusReport heartbeat = new StatusReport(DEVICE, Instant.parse("2026-06-01T11:59:30Z"),
                StatusReport.State.ONLINE, "x", null, null, null, StatusReport.Sensor.ok(Instant.parse("2026-06-01T10:00:00Z")));

        JsonNode json = new ObjectMapper().readTree(StatusCodec.encode(heartbeat, Encoding.JSON));

        assertThat(json.get("sensor").toString()).isEqualTo("{\"state\":\"ok\",\"since\":\"2026-06-01T10:00:00Z\"}");
    }

    @Test
    void aStatusWithoutSensorStillDecodes() {
        // An agent from before the sensor field: accepted, sensor unknown.
        byte[] old = "{\"v\":1,\"device\":\"tls-09162000-0042\",\"state\":\"online\",\"fw\":\"x\",\"outbox\":0}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(StatusCodec.decodeStatus(old, Encoding.JSON).value().sensor()).isNull();
    }

    @Test
    void lastWillIsOfflineWithoutTimeOrCounters() throws IOException {
        // GIVEN the last will a device registers when it connects
        StatusReport will = StatusReport.lastWill(DEVICE, "rp-agent 1.4.2");

        // WHEN it is encoded as the broker will publish it
        byte[] payload = StatusCodec.encode(will, Encoding.JSON);

        // THEN it names the device and says offline, and nothing it cannot know in advance
        JsonNode json = new ObjectMapper().readTree(payload);
        assertThat(json.fieldNames()).toIterable().containsExactly("v", "device", "state", "fw");
        assertThat(json.get("state").asText()).isEqualTo("offline");
        assertThat(StatusCodec.decodeStatus(payload, Encoding.JSON).value()).isEqualTo(will);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no version        | {"device":"tls-09162000-0042","state":"online","fw":"x"}                           | field.missing       | v
            version 2         | {"v":2,"device":"tls-09162000-0042","state":"online","fw":"x"}                     | version.unsupported | v
            bad device        | {"v":1,"device":"Tls 42","state":"online","fw":"x"}                               | device.invalid      | device
            device a number   | {"v":1,"device":12345,"state":"online","fw":"x"}                                  | field.type          | device
            unknown state     | {"v":1,"device":"tls-09162000-0042","state":"sleeping","fw":"x"}                  | field.type          | state
            no state          | {"v":1,"device":"tls-09162000-0042","fw":"x"}                                     | field.missing       | state
            time not RFC 3339 | {"v":1,"device":"tls-09162000-0042","state":"online","fw":"x","at":"11:59"}       | time.invalid        | at
            no firmware       | {"v":1,"device":"tls-09162000-0042","state":"online"}                             | field.missing       | fw
            negative outbox   | {"v":1,"device":"tls-09162000-0042","state":"online","fw":"x","outbox":-1}        | field.type          | outbox
            uptime as text    | {"v":1,"device":"tls-09162000-0042","state":"online","fw":"x","uptime":"5"}       | field.type          | uptime
            lastSeq too large | {"v":1,"device":"tls-09162000-0042","state":"online","fw":"x","lastSeq":9007199254740992} | seq.invalid | lastSeq
            sensor a string   | {"v":1,"device":"tls-09162000-0042","state":"online","fw":"x","sensor":"down"}   | field.type          | sensor
            sensor no state   | {"v":1,"device":"tls-09162000-0042","state":"online","fw":"x","sensor":{}}       | field.missing       | sensor.state
            sensor state bad  | {"v":1,"device":"tls-09162000-0042","state":"online","fw":"x","sensor":{"state":"broken"}} | field.type | sensor.state
            sensor since bad  | {"v":1,"device":"tls-09162000-0042","state":"online","fw":"x","sensor":{"state":"down","since":"11:58"}} | time.invalid | sensor.since
            firmware with NUL | {"v":1,"device":"tls-09162000-0042","state":"online","fw":"a\\u0000b"}              | firmware.invalid    | fw
            reason with ESC   | {"v":1,"device":"tls-09162000-0042","state":"online","fw":"x","sensor":{"state":"down","reason":"lens \\u001b[31m"}} | field.type | sensor.reason
            an array          | [1]                                                                               | payload.not_object  |
            not JSON          | {"v":1,                                                                           | payload.malformed   |
            """)
    void rejectsInvalidStatus(String why, String payload, String reason, String field) {
        // WHEN an invalid status is decoded
        Verdict<StatusReport> verdict = StatusCodec.decodeStatus(payload.getBytes(StandardCharsets.UTF_8), Encoding.JSON);

        // THEN it is rejected with the reason and field
        assertThat(verdict.rejection()).extracting(Rejection::reason, Rejection::field).containsExactly(reason, field);
    }

    @Test
    void ignoresUnknownStatusFields() {
        byte[] payload = """
                {"v":1,"device":"tls-09162000-0042","state":"online","fw":"x","batteryV":12.6,"rssi":-71}"""
                .getBytes(StandardCharsets.UTF_8);

        assertThat(StatusCodec.decodeStatus(payload, Encoding.JSON).value().state()).isEqualTo(StatusReport.State.ONLINE);
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void configRoundTrips(Encoding encoding) {
        DeviceConfig config = new DeviceConfig(900, 60);

        assertThat(StatusCodec.decodeConfig(StatusCodec.encode(config, encoding), encoding).value()).isEqualTo(config);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            interval not allowed    | {"v":1,"interval":120,"statusPeriod":60}   | interval.length_invalid | interval
            interval as text        | {"v":1,"interval":"300","statusPeriod":60} | field.type              | interval
            no interval             | {"v":1,"statusPeriod":60}                  | field.missing           | interval
            heartbeat too often     | {"v":1,"interval":300,"statusPeriod":4}    | field.type              | statusPeriod
            heartbeat too seldom    | {"v":1,"interval":300,"statusPeriod":3601} | field.type              | statusPeriod
            version 2               | {"v":2,"interval":300,"statusPeriod":60}   | version.unsupported     | v
            an array                | [300, 60]                                  | payload.not_object      |
            empty                   | ''                                         | payload.malformed       |
            """)
    void rejectsInvalidConfig(String why, String payload, String reason, String field) {
        Verdict<DeviceConfig> verdict = StatusCodec.decodeConfig(payload.getBytes(StandardCharsets.UTF_8), Encoding.JSON);

        assertThat(verdict.rejection()).extracting(Rejection::reason, Rejection::field).containsExactly(reason, field);
    }

    @Test
    void ignoresUnknownConfigFields() {
        // A v1 device must keep working when a later platform adds settings it does not know.
        byte[] payload = "{\"v\":1,\"interval\":300,\"statusPeriod\":60,\"ntpServer\":\"pool.ntp.org\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(StatusCodec.decodeConfig(payload, Encoding.JSON).value()).isEqualTo(new DeviceConfig(300, 60));
    }
}
