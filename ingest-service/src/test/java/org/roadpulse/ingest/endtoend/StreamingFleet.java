package org.roadpulse.ingest.endtoend;

import org.roadpulse.agent.Agent;
import org.roadpulse.agent.config.AgentSettings;
import org.roadpulse.agent.config.DeviceSettings;
import org.roadpulse.agent.config.SimulationSettings;
import org.roadpulse.agent.config.SourceSettings;
import org.roadpulse.agent.config.TransportSettings;
import org.roadpulse.agent.aggregation.AggregatingIntervalSource;
import org.roadpulse.agent.source.IntervalSource;
import org.roadpulse.agent.source.MeasuredInterval;
import org.roadpulse.agent.source.Pacer;
import org.roadpulse.agent.source.TrafficSimulator;
import org.roadpulse.ingest.testing.Await;
import org.roadpulse.protocol.LaneInterval;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Many edge agents in this JVM streaming at once over MQTT, each with its own durable outbox and its own simulated
 * site, in 1-minute intervals paced {@link #SPEED} times faster than real time (a simulated minute in 0.2 s).
 *
 * <p>What each device sends is known in advance: the simulation is deterministic, so {@link #sent(String)}
 * recomputes a device's intervals (seq 1, 2, … in order, as its outbox numbers them) without the agent.
 */
final class StreamingFleet implements AutoCloseable {

    static final int INTERVAL_SECONDS = 60;
    static final double SPEED = 300;
    /** Morning traffic, so every interval has vehicles in it. */
    private static final Instant START = Instant.parse("2026-11-02T06:00:00Z");

    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final Map<String, SimulationSettings> sites = new LinkedHashMap<>();
    private final long startedNanos = System.nanoTime();

    private StreamingFleet() {
    }

    /**
     * Starts one agent per device (id → secret), each streaming {@code minutes} simulated minutes to the broker that
     * {@code brokerUrl} names for it, its outbox in {@code dir}.
     */
    static StreamingFleet start(Map<String, String> secrets, Function<String, String> brokerUrl, int minutes,
                                Path dir) throws IOException {
        StreamingFleet fleet = new StreamingFleet();
        long seed = 0;
        try {
            for (Map.Entry<String, String> device : secrets.entrySet()) {
                SimulationSettings site = SimulationSettings.defaults().withSeed(++seed)
                        .withPeriod(START.toString(), START.plusSeconds(60L * minutes).toString());
                AgentSettings settings = AgentSettings.of(DeviceSettings.of(device.getKey(), device.getValue()),
                        TransportSettings.mqtt(brokerUrl.apply(device.getKey())).withBackoff(50, 500),
                        SourceSettings.simulate(site, SPEED), dir.resolve("outbox-" + device.getKey()))
                        .withIntervalSeconds(INTERVAL_SECONDS);
                fleet.sites.put(device.getKey(), site);
                fleet.agents.put(device.getKey(), Agent.create(settings).start());
            }
        } catch (IOException | RuntimeException e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    /** When the first agent started ({@link System#nanoTime()}). */
    long startedNanos() {
        return startedNanos;
    }

    Collection<Agent> agents() {
        return agents.values();
    }

    Agent agent(String deviceId) {
        return agents.get(deviceId);
    }

    /** Intervals the devices have measured and put in their outboxes, all together. */
    long produced() {
        return agents.values().stream().mapToLong(agent -> agent.counters().produced()).sum();
    }

    /** Intervals waiting in the devices' outboxes for an acknowledgement, all together. */
    long pending() {
        return agents.values().stream().mapToLong(Agent::pendingCount).sum();
    }

    /** Waits until every agent has measured at least this many intervals. */
    void awaitEachMeasured(long intervals, Duration timeout) throws InterruptedException {
        for (Agent agent : agents.values()) {
            Await.until(() -> agent.counters().produced() >= intervals, timeout,
                    () -> agent.deviceId() + " measured " + agent.counters().produced() + " of " + intervals);
        }
    }

    /**
     * Waits until every agent has measured this many more intervals than now: as many simulated minutes have passed
     * on every site (intervals pile up in the outboxes while a fault keeps them from being delivered).
     */
    void awaitMinutesPassing(int minutes, Duration timeout) throws InterruptedException {
        awaitMinutesPassing(agents.values(), minutes, timeout);
    }

    static void awaitMinutesPassing(Collection<Agent> agents, int minutes, Duration timeout)
            throws InterruptedException {
        Map<Agent, Long> before = new LinkedHashMap<>();
        agents.forEach(agent -> before.put(agent, agent.counters().produced()));
        for (Agent agent : agents) {
            long target = before.get(agent) + minutes;
            Await.until(() -> agent.counters().produced() >= target, timeout,
                    () -> agent.deviceId() + " produced " + agent.counters().produced() + " of " + target);
        }
    }

    /** Waits until every agent's simulation has ended and its outbox is empty (the broker took every interval). */
    void awaitDrained(Duration timeout) throws InterruptedException {
        for (Agent agent : agents.values()) {
            if (!agent.awaitDrained(timeout)) {
                throw new AssertionError(agent.deviceId() + " not drained after " + timeout + ": "
                        + agent.counters());
            }
        }
    }

    /** What the device measured and sent, recomputed from its simulated site: count and checksum. */
    SeriesChecksum sent(String deviceId) throws IOException, InterruptedException {
        SimulationSettings site = sites.get(deviceId);
        Instant start = Instant.parse(site.start());
        TrafficSimulator simulator = new TrafficSimulator(new TrafficSimulator.Parameters(site.lanesPerDirection(),
                site.dailyVehicles(), site.heavyShare(), site.speedLimitKmh(), site.seed(), start,
                Instant.parse(site.until())));
        List<String> laneRows = new ArrayList<>();
        long seq = 0;
        try (IntervalSource intervals = new AggregatingIntervalSource(simulator, INTERVAL_SECONDS,
                Pacer.of(Clock.systemUTC(), 0))) {
            for (Optional<MeasuredInterval> next = intervals.next(); next.isPresent(); next = intervals.next()) {
                seq++;
                for (LaneInterval lane : next.get().lanes()) {
                    laneRows.add(SeriesChecksum.laneRow(seq, next.get().start().getEpochSecond(), lane.lane(),
                            lane.direction().name().toLowerCase(), lane.total(), lane.heavy()));
                }
            }
        }
        return SeriesChecksum.of(seq, laneRows);
    }

    @Override
    public void close() {
        agents.values().forEach(Agent::close);
    }
}
