package org.roadpulse.agent.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Several simulated devices of one municipality, run in one process for demonstrations. Device ids are
 * {@code <municipality>-001}, {@code -002}, …; each gets its own outbox folder under {@code outboxRoot}, its own seed
 * and a traffic volume that varies between devices (0.5 to 1.5 times {@code simulation.dailyVehicles}), the same for
 * the same id on every run.
 *
 * @param municipality        id prefix, lower case (e.g. {@code bexbach})
 * @param devices             how many devices (default 3)
 * @param secret              the secret of every device without an entry in {@code secrets}
 * @param secrets             secrets by device id
 * @param transport           shared transport settings
 * @param simulation          the template site
 * @param speed               time compression (default 1)
 * @param outboxRoot          parent of the devices' outbox folders (default {@code outbox})
 * @param intervalSeconds     count interval (default 300)
 * @param statusPeriodSeconds heartbeat period (default 60)
 */
public record FleetSettings(String municipality, Integer devices, String secret, Map<String, String> secrets,
                            TransportSettings transport, SimulationSettings simulation, Double speed,
                            Path outboxRoot, Integer intervalSeconds, Integer statusPeriodSeconds) {

    public FleetSettings {
        devices = devices == null ? 3 : devices;
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        transport = transport == null ? TransportSettings.mqtt("tcp://localhost:1883") : transport;
        simulation = simulation == null ? SimulationSettings.defaults() : simulation;
        speed = speed == null ? 1.0 : speed;
        outboxRoot = outboxRoot == null ? Path.of("outbox") : outboxRoot;
        intervalSeconds = intervalSeconds == null ? AgentSettings.DEFAULT_INTERVAL_SECONDS : intervalSeconds;
        statusPeriodSeconds = statusPeriodSeconds == null
                ? AgentSettings.DEFAULT_STATUS_PERIOD_SECONDS : statusPeriodSeconds;
    }

    public static String deviceId(String municipality, int number) {
        return municipality + "-" + String.format("%03d", number);
    }

    /** The settings of each device. */
    public List<AgentSettings> agents() {
        if (municipality == null || municipality.isBlank()) {
            throw new IllegalArgumentException("municipality is missing: it is the prefix of the device ids");
        }
        if (devices < 1 || devices > 999) {
            throw new IllegalArgumentException("devices must be 1 to 999");
        }
        List<AgentSettings> agents = new ArrayList<>(devices);
        for (int i = 1; i <= devices; i++) {
            String id = deviceId(municipality, i);
            long seed = id.hashCode();
            double volume = simulation.dailyVehicles() * (0.5 + new SplittableRandom(seed).nextDouble());
            SimulationSettings site = simulation.withSeed(simulation.seed() == null ? seed : simulation.seed() + i)
                    .withDailyVehicles(Math.round(volume));
            agents.add(new AgentSettings(
                    DeviceSettings.of(id, secrets.getOrDefault(id, secret)),
                    transport,
                    SourceSettings.simulate(site, speed),
                    new OutboxSettings(outboxRoot.resolve(id), null, null),
                    intervalSeconds,
                    statusPeriodSeconds));
        }
        return agents;
    }
}
