package org.roadpulse.ingest.endtoend;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.Agent;
import org.roadpulse.agent.config.AgentSettings;
import org.roadpulse.agent.config.DeviceSettings;
import org.roadpulse.agent.config.SimulationSettings;
import org.roadpulse.agent.config.SourceSettings;
import org.roadpulse.agent.config.TransportSettings;
import org.roadpulse.ingest.testing.HttpCalls;
import org.roadpulse.ingest.testing.TestLogins;
import org.roadpulse.protocol.CountIntervalCodec;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.testing.Intervals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the telemetry path end to end with real parts on both sides: the edge agent (simulator, outbox, Paho or
 * Californium) → the service's embedded broker or CoAP endpoint → intake → PostgreSQL.
 */
@Tag("slow")
class TelemetryEndToEndTest {

    /** One simulated local day in 15-minute intervals, one lane per direction: 96 intervals of 2 rows. */
    private static final int INTERVALS = 96;
    private static final int ROWS_PER_INTERVAL = 2;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static RunningService service;
    private final List<Agent> agents = new ArrayList<>();

    @TempDir
    Path outboxes;

    @BeforeAll
    static void startService() {
        service = RunningService.start(Map.of());
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @AfterEach
    void stopAgents() {
        agents.forEach(Agent::close);
    }

    private Agent agent(String deviceId, String secret, TransportSettings transport) throws Exception {
        SimulationSettings day = SimulationSettings.defaults().withSeed(5).withPeriod("2026-11-02", "2026-11-03");
        AgentSettings settings = AgentSettings.of(DeviceSettings.of(deviceId, secret), transport.withBackoff(50, 500),
                SourceSettings.simulate(day, 0), outboxes.resolve(deviceId)).withIntervalSeconds(900);
        Agent agent = Agent.create(settings).start();
        agents.add(agent);
        return agent;
    }

    @Test
    void everyIntervalAnAgentSendsOverMqttIsStoredOnce() throws Exception {
        // GIVEN a registered device whose agent simulates one day and sends over MQTT through the embedded broker
        String secret = service.provision("e2e-mqtt-1");
        Agent agent = agent("e2e-mqtt-1", secret, TransportSettings.mqtt(service.mqttUri()));
        // WHEN the agent has sent all and every interval was acknowledged
        assertThat(agent.awaitDrained(WAIT)).isTrue();
        assertThat(agent.counters().acked()).isEqualTo(INTERVALS);
        // THEN the database already holds each of the 96 intervals once, with both directions: the embedded broker
        // acknowledges a device's interval only after the commit
        new StoredSeries(service.db, "e2e-mqtt-1").holdsEverySeqOnceUpTo(INTERVALS, ROWS_PER_INTERVAL);
    }

    @Test
    void everyIntervalAnAgentSendsOverCoapIsStoredOnce() throws Exception {
        // GIVEN a device sending over plain CoAP (token) and one over CoAP with DTLS-PSK
        String plainSecret = service.provision("e2e-coap-1");
        String dtlsSecret = service.provision("e2e-coaps-1");
        Agent plain = agent("e2e-coap-1", plainSecret, TransportSettings.coap(service.coapUri()));
        Agent dtls = agent("e2e-coaps-1", dtlsSecret, TransportSettings.coap(service.coapsUri()));
        // WHEN both have sent their day
        assertThat(plain.awaitDrained(WAIT)).isTrue();
        assertThat(dtls.awaitDrained(WAIT)).isTrue();
        // THEN both series are complete, each interval once, and equal (same simulated site)
        StoredSeries plainSeries = new StoredSeries(service.db, "e2e-coap-1");
        StoredSeries dtlsSeries = new StoredSeries(service.db, "e2e-coaps-1");
        plainSeries.holdsEverySeqOnceUpTo(INTERVALS, ROWS_PER_INTERVAL);
        dtlsSeries.holdsEverySeqOnceUpTo(INTERVALS, ROWS_PER_INTERVAL);
        assertThat(dtlsSeries.rows()).isEqualTo(plainSeries.rows());
    }

    @Test
    void httpIntakeStoresThePayloadOnceAndAnswersARepeatAsDuplicate() {
        // GIVEN a device without MQTT or CoAP, and one interval in CBOR
        String secret = service.provision("e2e-http-1");
        byte[] payload = new CountIntervalCodec().encode(
                Intervals.sample("e2e-http-1", 1, Instant.parse("2026-11-02T10:00:00Z")), Encoding.CBOR);
        HttpCalls http = TestLogins.operator(service.server);
        // WHEN it posts the interval twice
        HttpResponse<String> first = http.post("/api/v1/devices/e2e-http-1/counts", "application/cbor", secret, payload);
        HttpResponse<String> again = http.post("/api/v1/devices/e2e-http-1/counts", "application/cbor", secret, payload);
        // THEN the first is stored, the second recognised, and the database has it once
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"stored\"");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\"");
        assertThat(service.storedMessages("e2e-http-1")).isEqualTo(1);
    }

    @Test
    void anAgentWithTheWrongSecretStoresNothingAndKeepsItsIntervals() throws Exception {
        // GIVEN a registered device whose agent has a wrong secret
        service.provision("e2e-wrong-1");
        Agent mqtt = agent("e2e-wrong-1", "not-the-secret", TransportSettings.mqtt(service.mqttUri()));
        // WHEN it has produced its day and tried to send for a while
        Thread.sleep(3000);
        // THEN nothing is stored, and nothing was given up: every interval waits in the outbox
        assertThat(service.storedMessages("e2e-wrong-1")).isZero();
        assertThat(mqtt.counters().acked()).isZero();
        assertThat(mqtt.pendingCount()).isEqualTo(INTERVALS);
    }
}
