package org.roadpulse.agent.transport.mqtt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.Agent;
import org.roadpulse.agent.config.AgentSettings;
import org.roadpulse.agent.config.DeviceSettings;
import org.roadpulse.agent.config.SourceSettings;
import org.roadpulse.agent.config.TransportSettings;
import org.roadpulse.agent.outbox.OutboxRecord;
import org.roadpulse.agent.support.Await;
import org.roadpulse.agent.support.EmbeddedBroker;
import org.roadpulse.agent.support.FixedIntervals;
import org.roadpulse.agent.support.MqttProbe;
import org.roadpulse.agent.transport.Delivery;
import org.roadpulse.agent.transport.DeviceIdentity;
import org.roadpulse.protocol.CountIntervalCodec;
import org.roadpulse.protocol.DeviceConfig;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.StatusCodec;
import org.roadpulse.protocol.StatusReport;
import org.roadpulse.protocol.Topics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real broker (HiveMQ CE, embedded) and a real Paho subscriber. */
class MqttCountPublisherTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SECRET = "mqtt-secret";

    @TempDir
    static Path brokerRoot;
    private static EmbeddedBroker broker;

    @TempDir
    Path outbox;
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedBroker(brokerRoot).start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T resource) {
        closeAfter.add(resource);
        return resource;
    }

    private Agent agent(String device, FixedIntervals source) throws Exception {
        TransportSettings transport = TransportSettings.mqtt(broker.uri()).withBackoff(100, 1000)
                .withTimeouts(3000, 10_000);
        AgentSettings settings = AgentSettings.of(DeviceSettings.of(device, SECRET), transport,
                SourceSettings.simulate(null, 0), outbox);
        Agent agent = Agent.withSource(settings, source);
        closing(agent::close);
        return agent.start();
    }

    private static Set<Long> seqs(MqttProbe probe) {
        CountIntervalCodec codec = new CountIntervalCodec();
        return probe.delivered().stream()
                .map(d -> codec.decode(d.payload(), Encoding.sniff(d.payload())).value().seq())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static StatusReport status(MqttProbe.Delivered delivered) {
        return StatusCodec.decodeStatus(delivered.payload(), Encoding.sniff(delivered.payload())).value();
    }

    @Test
    void deliversEveryIntervalWithQos1() throws Exception {
        // GIVEN a subscriber to the device's counts
        MqttProbe probe = closing(new MqttProbe(broker.uri(), "probe-qos1", Topics.counts("mqtt-qos1"), false));
        // WHEN an agent produces ten intervals
        Agent agent = agent("mqtt-qos1", new FixedIntervals(10, Duration.ZERO));
        Await.until(WAIT, () -> agent.sourceFinished() && agent.pendingCount() == 0);
        Await.until(WAIT, () -> probe.delivered().size() >= 10);
        // THEN each arrived at QoS 1, decodable, seq 1 to 10, and the outbox is empty
        assertThat(probe.delivered()).allSatisfy(d -> assertThat(d.qos()).isEqualTo(1));
        assertThat(seqs(probe)).containsExactly(LongStream.rangeClosed(1, 10).boxed().toArray(Long[]::new));
        assertThat(agent.counters().acked()).isEqualTo(10);
    }

    @Test
    void announcesItselfOnlineAndTheBrokerSendsTheLastWillWhenItVanishes() throws Exception {
        // GIVEN a subscriber to the device's status
        MqttProbe probe = closing(new MqttProbe(broker.uri(), "probe-will", Topics.status("mqtt-will"), false));
        Agent agent = agent("mqtt-will", new FixedIntervals(1, Duration.ZERO));
        // WHEN the agent has connected
        Await.until(WAIT, () -> !probe.delivered().isEmpty());
        // THEN it said it is online (retained, so that it replaces an earlier last will)
        assertThat(status(probe.delivered().get(0)).state()).isEqualTo(StatusReport.State.ONLINE);
        // WHEN it vanishes without a goodbye (power cut)
        agent.halt();
        // THEN the broker delivers its last will: offline
        Await.until(WAIT, () -> probe.delivered().stream().anyMatch(d -> status(d).state() == StatusReport.State.OFFLINE));
        // AND a subscriber that comes later finds "offline" retained
        MqttProbe later = closing(new MqttProbe(broker.uri(), "probe-will-later", Topics.status("mqtt-will"), false));
        Await.until(WAIT, () -> !later.delivered().isEmpty());
        assertThat(later.delivered().get(0).retained()).isTrue();
        assertThat(status(later.delivered().get(0))).isEqualTo(StatusReport.lastWill("mqtt-will",
                DeviceSettings.DEFAULT_FIRMWARE));
    }

    @Test
    void passesTheRetainedConfigurationToItsListener() throws Exception {
        // GIVEN a retained configuration for the device
        MqttProbe platform = closing(new MqttProbe(broker.uri(), "platform-config", "roadpulse/v1/none/x", false));
        platform.publishRetained(Topics.config("mqtt-config"), StatusCodec.encode(new DeviceConfig(900, 30), Encoding.JSON));
        // WHEN a publisher connects
        CopyOnWriteArrayList<DeviceConfig> received = new CopyOnWriteArrayList<>();
        MqttCountPublisher publisher = publisher("mqtt-config", 16, received::add);
        publisher.connect();
        // THEN the configuration reaches the listener
        Await.until(WAIT, () -> !received.isEmpty());
        assertThat(received.get(0)).isEqualTo(new DeviceConfig(900, 30));
    }

    @Test
    void retriesInsteadOfFailingWhenPahosInFlightWindowIsFull() throws Exception {
        // GIVEN a publisher whose Paho window holds only 2 messages
        MqttProbe probe = closing(new MqttProbe(broker.uri(), "probe-32202", Topics.counts("mqtt-inflight"), false));
        MqttCountPublisher publisher = publisher("mqtt-inflight", 2, config -> { });
        publisher.connect();
        // WHEN 40 intervals are published at once (Paho answers 32202 to most of them)
        List<CompletableFuture<Delivery>> answers = new ArrayList<>();
        CountIntervalCodec codec = new CountIntervalCodec();
        for (int i = 0; i < 40; i++) {
            byte[] payload = codec.encode(FixedIntervals.interval(i).toCountInterval("mqtt-inflight", i + 1, "fw"),
                    Encoding.CBOR);
            answers.add(publisher.publish(new OutboxRecord(i + 1, payload)));
        }
        // THEN every one is acknowledged and arrives
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.join()).isInstanceOf(Delivery.Acked.class));
        Await.until(WAIT, () -> probe.delivered().size() >= 40);
    }

    @Test
    @Tag("slow")
    void reconnectsAfterTheBrokerRestartsAndLosesNothing() throws Exception {
        // GIVEN a persistent subscriber and an agent producing an interval every 100 ms
        MqttProbe probe = closing(new MqttProbe(broker.uri(), "probe-restart", Topics.counts("mqtt-restart"), true));
        Agent agent = agent("mqtt-restart", new FixedIntervals(40, Duration.ofMillis(100)));
        Await.until(WAIT, () -> probe.delivered().size() >= 5);
        // WHEN the broker goes away for a while and comes back
        broker.stop();
        Thread.sleep(1500);
        long producedWhileDown = agent.counters().produced();
        broker.start();
        // THEN the agent reconnects and drains its outbox
        Await.until(WAIT, () -> agent.sourceFinished() && agent.pendingCount() == 0);
        // AND the subscriber got every interval, including those produced while the broker was down
        Await.until(WAIT, () -> seqs(probe).size() == 40);
        assertThat(seqs(probe)).containsExactly(LongStream.rangeClosed(1, 40).boxed().toArray(Long[]::new));
        assertThat(producedWhileDown).isGreaterThan(5);
        assertThat(agent.counters().acked()).isGreaterThanOrEqualTo(40);
    }

    private MqttCountPublisher publisher(String device, int maxInflight,
                                         java.util.function.Consumer<DeviceConfig> listener) {
        MqttCountPublisher publisher = new MqttCountPublisher(new DeviceIdentity(device, SECRET, "fw-test"),
                new MqttCountPublisher.Settings(broker.uri(), Encoding.JSON, maxInflight, Duration.ofSeconds(5), 30,
                        null), listener);
        closing(publisher::close);
        return publisher;
    }
}
