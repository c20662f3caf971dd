package org.roadpulse.ingest.endtoend;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.Agent;
import org.roadpulse.agent.config.AgentSettings;
import org.roadpulse.agent.config.DeviceSettings;
import org.roadpulse.agent.config.SimulationSettings;
import org.roadpulse.agent.config.SourceSettings;
import org.roadpulse.agent.config.TransportSettings;
import org.roadpulse.ingest.broker.EmbeddedBroker;
import org.roadpulse.ingest.broker.ServiceAccount;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.mqtt.MqttIntake;
import org.roadpulse.ingest.testing.FreePorts;
import org.roadpulse.protocol.CountIntervalCodec;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.Topics;
import org.roadpulse.protocol.testing.Intervals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Verifies the delivery guarantees when parts fail while counts stream: the agent killed with SIGKILL, the broker
 * restarted, a device that pretends to be another. After each: stored intervals equal sent intervals, each once.
 */
@Tag("slow")
class ResilienceEndToEndTest {

    private static final int INTERVALS = 96;
    private static final int ROWS_PER_INTERVAL = 2;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void anAgentKilledMidStreamAndRestartedLosesNothingAndDoublesNothing() throws Exception {
        try (RunningService service = RunningService.start(Map.of())) {
            // GIVEN an agent process replaying a simulated day (about 10 s) over MQTT
            String secret = service.provision("e2e-kill-1");
            Path config = AgentProcess.simulatedDayConfig(dir, "e2e-kill-1", secret, service.mqttUri(), 9000);
            Path log = dir.resolve("agent.log");
            try (AgentProcess first = AgentProcess.run(config, log)) {
                // WHEN it is killed with SIGKILL once part of the day is stored
                service.awaitStored("e2e-kill-1", 20, WAIT);
                first.killHard();
            }
            long storedAtKill = service.storedMessages("e2e-kill-1");
            assertThat(storedAtKill).isBetween(20L, (long) INTERVALS - 1);
            // AND started again on the same outbox until its replay is done
            try (AgentProcess second = AgentProcess.run(config, log)) {
                assertThat(second.awaitExit(WAIT.toSeconds())).isZero();
            }
            // THEN every interval of the day is stored once
            service.awaitStored("e2e-kill-1", INTERVALS, WAIT);
            StoredSeries killed = new StoredSeries(service.db, "e2e-kill-1");
            killed.holdsEverySeqOnceUpTo(INTERVALS, ROWS_PER_INTERVAL);
            // AND the data equals an uninterrupted run of the same simulated site, row by row
            String referenceSecret = service.provision("e2e-kill-reference");
            try (AgentProcess reference = AgentProcess.run(AgentProcess.simulatedDayConfig(dir, "e2e-kill-reference",
                    referenceSecret, service.mqttUri(), 0), log)) {
                assertThat(reference.awaitExit(WAIT.toSeconds())).isZero();
            }
            service.awaitStored("e2e-kill-reference", INTERVALS, WAIT);
            assertThat(killed.rows()).isEqualTo(new StoredSeries(service.db, "e2e-kill-reference").rows());
        }
    }

    @Test
    void aBrokerRestartedMidStreamLosesNothingAndDoublesNothing() throws Exception {
        // GIVEN the service reading from a broker the test can restart (as an external broker), and an agent on it
        int port = FreePorts.any();
        ServiceAccount account = new ServiceAccount("roadpulse-ingest", "test-service-password");
        try (RunningService service = RunningService.start(Map.of(
                "roadpulse.broker.url", "tcp://127.0.0.1:" + port,
                "roadpulse.broker.username", account.username(),
                "roadpulse.broker.password", account.password()))) {
            DeviceRegistry devices = service.context.getBean(DeviceRegistry.class);
            Path brokerHome = dir.resolve("broker");
            EmbeddedBroker broker = EmbeddedBroker.start(brokerHome, port, 1_000_000, devices, account);
            // (a broker drops what is published before anyone subscribed: on a fresh broker, let the service subscribe)
            assertThat(service.context.getBean(MqttIntake.class).awaitConsuming(WAIT)).isTrue();
            String secret = service.provision("e2e-broker-1");
            SimulationSettings day = SimulationSettings.defaults().withSeed(5).withPeriod("2026-11-02", "2026-11-03");
            AgentSettings settings = AgentSettings.of(DeviceSettings.of("e2e-broker-1", secret),
                    TransportSettings.mqtt("tcp://127.0.0.1:" + port).withBackoff(50, 500),
                    SourceSettings.simulate(day, 9000), dir.resolve("outbox")).withIntervalSeconds(900);
            try (Agent agent = Agent.create(settings).start()) {
                // WHEN the broker stops once part of the day is stored, and starts again on its folder
                awaitStored(service, agent, "e2e-broker-1", 20);
                broker.close();
                Thread.sleep(1000);
                broker = EmbeddedBroker.start(brokerHome, port, 1_000_000, devices, account);
                // THEN the agent finishes its day, and every interval is stored once
                assertThat(agent.awaitDrained(WAIT)).as("agent drained: %s", agent.counters()).isTrue();
                awaitStored(service, agent, "e2e-broker-1", INTERVALS);
                new StoredSeries(service.db, "e2e-broker-1").holdsEverySeqOnceUpTo(INTERVALS, ROWS_PER_INTERVAL);
            } finally {
                broker.close();
            }
        }
    }

    @Test
    void aDeviceCannotSendAsAnotherDevice() throws Exception {
        try (RunningService service = RunningService.start(Map.of())) {
            // GIVEN two registered devices; the first one's credentials are in the wrong hands
            String secretA = service.provision("e2e-device-a");
            service.provision("e2e-device-b");
            byte[] asB = new CountIntervalCodec().encode(
                    Intervals.sample("e2e-device-b", 1, Instant.parse("2026-11-02T10:00:00Z")), Encoding.JSON);
            // WHEN A publishes B's interval on B's topic (the broker refuses the PUBLISH, or the connection)
            MqttClient onForeignTopic = connectedAs(service, "e2e-device-a", secretA);
            try {
                onForeignTopic.publish(Topics.counts("e2e-device-b"), asB, 1, false);
            } catch (MqttException refused) {
                // a refusal by disconnection is a refusal too
            } finally {
                onForeignTopic.disconnectForcibly(1000);
                onForeignTopic.close();
            }
            // AND publishes B's interval on its own topic
            try (MqttClient onOwnTopic = connectedAs(service, "e2e-device-a", secretA)) {
                onOwnTopic.publish(Topics.counts("e2e-device-a"), asB, 1, false);
                onOwnTopic.disconnect();
            }
            // THEN the payload naming B is kept as a dead letter with its reason, and nothing is stored for anyone
            awaitDeadLetter(service, "device.mismatch");
            assertThat(service.storedMessages("e2e-device-b")).isZero();
            assertThat(service.storedMessages("e2e-device-a")).isZero();
            // AND a wrong password is refused at connect
            assertThatThrownBy(() -> connectedAs(service, "e2e-device-b", "guessed")).isInstanceOf(MqttException.class);
        }
    }

    /** As {@link RunningService#awaitStored}, and on timeout says what the agent and the MQTT intake each saw. */
    private static void awaitStored(RunningService service, Agent agent, String deviceId, long atLeast) throws InterruptedException {
        try {
            service.awaitStored(deviceId, atLeast, WAIT);
        } catch (AssertionError timedOut) {
            MqttIntake intake = service.context.getBean(MqttIntake.class);
            throw new AssertionError(timedOut.getMessage() + "; agent " + agent.counters() + "; intake "
                    + intake.tally() + ", " + intake.consumingCount() + " of " + intake.consumerCount()
                    + " consumers subscribed", timedOut);
        }
    }

    private static void awaitDeadLetter(RunningService service, String reason) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (service.db.number("SELECT count(*) FROM dead_letter WHERE reason = ?", reason) == 0) {
            assertThat(System.nanoTime() - deadline).as("waiting for a dead letter %s", reason).isNegative();
            Thread.sleep(50);
        }
    }

    private static MqttClient connectedAs(RunningService service, String deviceId, String secret) throws MqttException {
        MqttClient client = new MqttClient(service.mqttUri(), deviceId, null);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(deviceId);
        options.setPassword(secret.toCharArray());
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close();
            throw e;
        }
        return client;
    }
}
