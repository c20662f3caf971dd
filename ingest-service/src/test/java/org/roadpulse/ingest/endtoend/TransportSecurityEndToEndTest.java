package org.roadpulse.ingest.endtoend;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
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
import org.roadpulse.ingest.testdoubles.ExternalClient;
import org.roadpulse.ingest.testdoubles.MqttTestClients;
import org.roadpulse.ingest.testing.TestCertificates;
import org.roadpulse.ingest.testing.TestIntervals;
import org.roadpulse.protocol.Topics;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Verifies transport security as an operator switches it on: certificates from {@code bin/make-certs.sh}, MQTT over
 * TLS on the embedded broker's second listener, HTTPS for the service. A client that trusts the CA gets through
 * (mosquitto_pub, Paho, the edge agent, Java's HTTP client); one that does not is refused in the handshake.
 */
@Tag("slow")
class TransportSecurityEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int INTERVALS = 96;

    private static TestCertificates certificates;
    private static RunningService service;
    private final List<Agent> agents = new ArrayList<>();

    @TempDir
    Path outboxes;

    @BeforeAll
    static void startServiceWithTls() {
        certificates = TestCertificates.make();
        service = RunningService.start(Map.of(
                "roadpulse.broker.tls-port", 0,
                "roadpulse.broker.tls-keystore", certificates.serverKeystore().toString(),
                "roadpulse.broker.tls-keystore-password", certificates.password(),
                "micronaut.server.ssl.enabled", true,
                "micronaut.server.ssl.port", -1,
                "micronaut.server.ssl.key-store.path", "file:" + certificates.serverKeystore(),
                "micronaut.server.ssl.key-store.password", certificates.password(),
                "micronaut.server.ssl.key-store.type", "PKCS12"));
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @AfterEach
    void stopAgents() {
        agents.forEach(Agent::close);
    }

    @Test
    void mosquittoPubWithTheCaPublishesOverTlsAndWithoutItIsRefused() throws Exception {
        assumeTrue(ExternalClient.installed("mosquitto_pub"), "mosquitto_pub not installed (mosquitto-clients)");
        // GIVEN a registered device
        String secret = service.provision("tls-mosquitto-1");
        // WHEN mosquitto_pub sends one interval to port 8883's stand-in, trusting the operator's CA
        ExternalClient.Outcome trusted = mosquittoPub(secret, 1, "--cafile", certificates.caPem().toString());
        // THEN it is stored
        assertThat(trusted.exitCode()).as(trusted.output()).isZero();
        service.awaitStored("tls-mosquitto-1", 1, Duration.ofSeconds(10));
        // AND trusting only the operating system's CAs, the TLS handshake fails and nothing more arrives
        ExternalClient.Outcome untrusted = mosquittoPub(secret, 2, "--tls-use-os-certs");
        assertThat(untrusted.exitCode()).as(untrusted.output()).isNotZero();
        assertThat(service.storedMessages("tls-mosquitto-1")).isEqualTo(1);
    }

    @Test
    void pahoOverTlsNeedsTheCaAndStillTheDeviceSecret() throws Exception {
        String secret = service.provision("tls-paho-1");
        // a client that trusts the CA and gives the device's secret gets in and its PUBACK says stored
        MqttAsyncClient client = tlsClient("tls-paho-1", secret, true);
        assertThat(MqttTestClients.publishQos1(client, Topics.counts("tls-paho-1"),
                TestIntervals.json(TestIntervals.recent("tls-paho-1", 1, Instant.now()))).getReasonCodes()[0])
                .isZero();
        MqttTestClients.closeQuietly(client);
        // TLS does not replace the device's credentials: a wrong secret is refused over TLS too
        assertThatThrownBy(() -> tlsClient("tls-paho-1", "y".repeat(43), true))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x86));
        // and a client that trusts only the JVM's CAs fails in the handshake
        assertThatThrownBy(() -> tlsClient("tls-paho-1", secret, false)).hasStackTraceContaining("SSL");
    }

    @Test
    void theEdgeAgentSendsItsDayOverMqttWithTls() throws Exception {
        // GIVEN an agent configured with ssl:// and the operator's trust store
        String secret = service.provision("tls-agent-1");
        TransportSettings transport = new TransportSettings(TransportSettings.Kind.MQTT,
                URI.create(service.mqttTlsUri()), null, null, null, null, 50, 500,
                new TransportSettings.Tls(certificates.truststore(), certificates.password(), "PKCS12"));
        SimulationSettings day = SimulationSettings.defaults().withSeed(5).withPeriod("2026-11-02", "2026-11-03");
        Agent agent = Agent.create(AgentSettings.of(DeviceSettings.of("tls-agent-1", secret), transport,
                SourceSettings.simulate(day, 0), outboxes.resolve("tls-agent-1")).withIntervalSeconds(900)).start();
        agents.add(agent);
        // WHEN it has sent the simulated day
        assertThat(agent.awaitDrained(WAIT)).isTrue();
        // THEN every interval is stored once
        assertThat(agent.counters().acked()).isEqualTo(INTERVALS);
        service.awaitStored("tls-agent-1", INTERVALS, Duration.ofSeconds(10));
        assertThat(service.db.number("SELECT count(DISTINCT seq) FROM count_message WHERE device_id = 'tls-agent-1'"))
                .isEqualTo(INTERVALS);
    }

    @Test
    void httpsIsAnsweredToAClientThatTrustsTheCaAndRefusedInTheHandshakeOtherwise() throws Exception {
        URI health = URI.create(service.httpUri()).resolve("/health");
        assertThat(health.getScheme()).isEqualTo("https");
        HttpClient trusting = HttpClient.newBuilder().sslContext(certificates.trustingContext()).build();
        HttpResponse<String> answer = trusting.send(HttpRequest.newBuilder(health).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        HttpClient jvmDefaults = HttpClient.newHttpClient();
        assertThatThrownBy(() -> jvmDefaults.send(HttpRequest.newBuilder(health).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLException.class);
    }

    private static ExternalClient.Outcome mosquittoPub(String secret, long seq, String... trust)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-h", "localhost",
                "-p", Integer.toString(service.mqttTlsPort()), "-V", "mqttv311", "-q", "1",
                "-i", "tls-mosquitto-1", "-u", "tls-mosquitto-1", "-P", secret,
                "-t", Topics.counts("tls-mosquitto-1"), "-m", new String(TestIntervals.json(
                        TestIntervals.recent("tls-mosquitto-1", seq, Instant.now())), StandardCharsets.UTF_8)));
        command.addAll(List.of(trust));
        return ExternalClient.run(Duration.ofSeconds(20), command);
    }

    private static MqttAsyncClient tlsClient(String deviceId, String secret, boolean trustCa) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(service.mqttTlsUri(), deviceId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(deviceId);
        options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
        options.setConnectionTimeout(10);
        if (trustCa) {
            options.setSocketFactory(certificates.trustingContext().getSocketFactory());
        }
        try {
            client.connect(options).waitForCompletion(MqttTestClients.WAIT_MILLIS);
            return client;
        } catch (Exception e) {
            client.close(true);
            throw e;
        }
    }
}
