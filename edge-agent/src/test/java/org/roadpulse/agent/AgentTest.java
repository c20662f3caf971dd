package org.roadpulse.agent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.config.AgentSettings;
import org.roadpulse.agent.config.DeviceSettings;
import org.roadpulse.agent.config.SimulationSettings;
import org.roadpulse.agent.config.SourceSettings;
import org.roadpulse.agent.config.TransportSettings;
import org.roadpulse.agent.support.Await;
import org.roadpulse.agent.support.TestCoapService;
import org.roadpulse.agent.support.TrafficData;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.DeviceConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole agent — source, aggregation, outbox, drainer, CoAP — against a stand-in service. */
class AgentTest {

    private static final String DEVICE = "agent-test-001";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path outbox;

    private TestCoapService service;
    private Agent agent;

    @AfterEach
    void tearDown() {
        if (agent != null) {
            agent.close();
        }
        if (service != null) {
            service.close();
        }
    }

    private AgentSettings settings(SourceSettings source, int intervalSeconds) {
        return AgentSettings.of(DeviceSettings.of(DEVICE, "secret"),
                        TransportSettings.coap(service.uri()).withBackoff(20, 200), source, outbox)
                .withIntervalSeconds(intervalSeconds);
    }

    private static SourceSettings simulatedDay(String start, String until) {
        return SourceSettings.simulate(SimulationSettings.defaults().withSeed(11).withPeriod(start, until), 0);
    }

    @Test
    void simulatesAPastDayIntoCompleteIntervalsThatAllReachTheService() throws Exception {
        // GIVEN a simulated device for one past Monday in 15-minute intervals, replayed as fast as possible
        service = TestCoapService.plain(DEVICE);
        agent = Agent.create(settings(simulatedDay("2024-05-06", "2024-05-07"), 900)).start();
        // WHEN it has run
        assertThat(agent.awaitDrained(WAIT)).isTrue();
        // THEN the service has 96 intervals, seq 1..96, covering the local day without gaps, two lanes each
        List<CountInterval> received = service.counts().stream().map(TestCoapService.Received::interval)
                .sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList();
        assertThat(received).hasSize(96);
        assertThat(received.get(0).start()).isEqualTo(Instant.parse("2024-05-05T22:00:00Z"));
        assertThat(received.get(95).start()).isEqualTo(Instant.parse("2024-05-06T21:45:00Z"));
        for (int i = 0; i < received.size(); i++) {
            assertThat(received.get(i).seq()).isEqualTo(i + 1);
            assertThat(received.get(i).lanes()).hasSize(2);
        }
        // AND a workday's traffic of about 2 x 8000 vehicles
        assertThat(received.stream().mapToInt(CountInterval::total).sum()).isBetween(14_000, 18_000);
        assertThat(agent.counters()).satisfies(c -> {
            assertThat(c.produced()).isEqualTo(96);
            assertThat(c.acked()).isEqualTo(96);
            assertThat(c.pending()).isZero();
        });
    }

    @Test
    void continuesItsSeqAfterARestartOnTheSameOutbox() throws Exception {
        // GIVEN an agent that sent a simulated hour (4 intervals) and was stopped
        service = TestCoapService.plain(DEVICE);
        agent = Agent.create(settings(simulatedDay("2024-05-06T08:00:00Z", "2024-05-06T09:00:00Z"), 900)).start();
        assertThat(agent.awaitDrained(WAIT)).isTrue();
        agent.close();
        // WHEN a new agent on the same outbox sends the next hour
        agent = Agent.create(settings(simulatedDay("2024-05-06T09:00:00Z", "2024-05-06T10:00:00Z"), 900)).start();
        assertThat(agent.awaitDrained(WAIT)).isTrue();
        // THEN its intervals are seq 5..8
        assertThat(service.seqs()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(agent.lastSeq()).isEqualTo(8);
    }

    @Test
    void keepsWhatItCouldNotSendForTheNextStart() throws Exception {
        // GIVEN a service that never stores anything (always 5.03)
        service = TestCoapService.plain(DEVICE);
        service.answer(interval -> org.eclipse.californium.core.coap.CoAP.ResponseCode.SERVICE_UNAVAILABLE);
        agent = Agent.create(settings(simulatedDay("2024-05-06T08:00:00Z", "2024-05-06T09:00:00Z"), 900)).start();
        Await.until(WAIT, agent::sourceFinished);
        agent.close();
        // WHEN the service recovers and the agent starts again, with nothing more to produce
        service.answer(interval -> org.eclipse.californium.core.coap.CoAP.ResponseCode.CHANGED);
        agent = Agent.create(settings(simulatedDay("2024-05-06T09:00:00Z", "2024-05-06T09:00:00Z"), 900)).start();
        // THEN the four kept intervals are delivered
        assertThat(agent.awaitDrained(WAIT)).isTrue();
        assertThat(agent.counters().acked()).isEqualTo(4);
    }

    @Test
    void appliesAConfiguredIntervalLengthAtTheNextAlignedBoundary() throws Exception {
        // GIVEN a service that configures 15-minute intervals, and a device simulating two hours in 1-minute
        // intervals at speed 3600 (a minute every 17 ms)
        service = TestCoapService.plain(DEVICE);
        service.configure(new DeviceConfig(900, 30));
        SourceSettings twoHours = SourceSettings.simulate(SimulationSettings.defaults().withSeed(3)
                .withPeriod("2024-05-06T08:00:00Z", "2024-05-06T10:00:00Z"), 3600);
        agent = Agent.create(settings(twoHours, 60)).start();
        // WHEN it has run
        assertThat(agent.awaitDrained(WAIT)).isTrue();
        // THEN it switched from 1- to 15-minute intervals at a quarter-hour boundary, without gap or overlap
        List<CountInterval> received = service.counts().stream().map(TestCoapService.Received::interval)
                .sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList();
        assertThat(received.get(0).lengthSeconds()).isEqualTo(60);
        assertThat(received.get(received.size() - 1).lengthSeconds()).isEqualTo(900);
        CountInterval firstLong = received.stream().filter(i -> i.lengthSeconds() == 900).findFirst().orElseThrow();
        assertThat(firstLong.start().getEpochSecond() % 900).isZero();
        for (int i = 1; i < received.size(); i++) {
            assertThat(received.get(i).start()).isEqualTo(received.get(i - 1).end());
        }
        assertThat(received.get(received.size() - 1).end()).isEqualTo(Instant.parse("2024-05-06T10:00:00Z"));
        // AND it announced itself with a status on connecting
        assertThat(service.statusCount()).isPositive();
    }

    @Test
    void replaysTheBastYearAsFastAsPossible() throws Exception {
        // GIVEN the BASt station's 2021 hours
        Path file = TrafficData.bastZst5651();
        service = TestCoapService.plain(DEVICE);
        agent = Agent.create(settings(SourceSettings.bast(file, 0), 300)).start();
        // WHEN it has run
        assertThat(agent.awaitDrained(Duration.ofSeconds(90))).isTrue();
        // THEN every hour was produced once and passed the service's own validation, peak motorway hours included
        // (each direction is one lane-0 entry: the whole carriageway)
        assertThat(agent.counters().produced()).isEqualTo(8759);
        assertThat(agent.counters().acked()).isEqualTo(8759);
        assertThat(agent.counters().rejected()).isZero();
    }

    @Test
    void aReplayRestartedWithItsOutboxResumesWhereItStoppedInsteadOfSendingIntervalsAgain() throws Exception {
        // GIVEN a simulated past day in 15-minute intervals whose agent is cut off (as by a power cut) part-way
        service = TestCoapService.plain(DEVICE);
        AgentSettings day = settings(simulatedDay("2024-05-06", "2024-05-07"), 900);
        agent = Agent.create(day).start();
        Await.until(WAIT, () -> service.counts().size() >= 20);
        agent.halt();
        // WHEN the agent starts again on the same outbox and the same source, which begins the day anew
        agent = Agent.create(day).start();
        assertThat(agent.awaitDrained(WAIT)).isTrue();
        // THEN every interval of the day reached the service under exactly one seq (a resend after the cut keeps
        // its seq, which the service recognises as a duplicate), and seqs 1..96 cover the day
        Map<Instant, Set<Long>> seqsByStart = service.counts().stream().map(TestCoapService.Received::interval)
                .collect(Collectors.groupingBy(CountInterval::start,
                        Collectors.mapping(CountInterval::seq, Collectors.toSet())));
        assertThat(seqsByStart).hasSize(96);
        assertThat(seqsByStart.values()).allSatisfy(seqs -> assertThat(seqs).hasSize(1));
        assertThat(service.counts().stream().map(r -> r.interval().seq()).distinct()).hasSize(96);
    }
}
