package org.roadpulse.agent.config;

import org.roadpulse.protocol.Limits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything one agent needs to run: the agent's one typed configuration, read from YAML ({@link SettingsFiles}) or
 * built in code. Absent values take the defaults named in each component's comment.
 *
 * @param device              who the agent is
 * @param transport           how it reaches the platform
 * @param source              where its vehicles or counts come from
 * @param outbox              where it keeps intervals until they are acknowledged
 * @param intervalSeconds     count interval length for aggregating sources (default 300), one of
 *                            {@link Limits#INTERVAL_LENGTHS_SECONDS}; the configuration downlink can change it
 * @param statusPeriodSeconds heartbeat period (default 60); the configuration downlink can change it
 */
public record AgentSettings(DeviceSettings device, TransportSettings transport, SourceSettings source,
                            OutboxSettings outbox, Integer intervalSeconds, Integer statusPeriodSeconds) {

    public static final int DEFAULT_INTERVAL_SECONDS = 300;
    public static final int DEFAULT_STATUS_PERIOD_SECONDS = 60;

    public AgentSettings {
        Objects.requireNonNull(device, "device");
        transport = transport == null ? TransportSettings.mqtt("tcp://localhost:1883") : transport;
        source = source == null ? SourceSettings.simulate(null, 1) : source;
        outbox = outbox == null ? new OutboxSettings(Path.of("outbox", device.id()), null, null) : outbox;
        intervalSeconds = intervalSeconds == null ? DEFAULT_INTERVAL_SECONDS : intervalSeconds;
        statusPeriodSeconds = statusPeriodSeconds == null ? DEFAULT_STATUS_PERIOD_SECONDS : statusPeriodSeconds;
    }

    /** Settings with the defaults for everything but who the device is, how it connects and what it counts. */
    public static AgentSettings of(DeviceSettings device, TransportSettings transport, SourceSettings source,
                                   Path outboxDir) {
        return new AgentSettings(device, transport, source, new OutboxSettings(outboxDir, null, null), null, null);
    }

    public AgentSettings withIntervalSeconds(int seconds) {
        return new AgentSettings(device, transport, source, outbox, seconds, statusPeriodSeconds);
    }

    public AgentSettings withStatusPeriodSeconds(int seconds) {
        return new AgentSettings(device, transport, source, outbox, intervalSeconds, seconds);
    }

    public AgentSettings withOutbox(OutboxSettings outbox) {
        return new AgentSettings(device, transport, source, outbox, intervalSeconds, statusPeriodSeconds);
    }

    public AgentSettings withSource(SourceSettings source) {
        return new AgentSettings(device, transport, source, outbox, intervalSeconds, statusPeriodSeconds);
    }

    public AgentSettings withTransport(TransportSettings transport) {
        return new AgentSettings(device, transport, source, outbox, intervalSeconds, statusPeriodSeconds);
    }

    /** Every problem with these settings, in words for the person who wrote them; empty when they are usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (device.id() == null || !device.id().matches(Limits.DEVICE_ID_PATTERN)) {
            problems.add("device.id must match " + Limits.DEVICE_ID_PATTERN + " (got '" + device.id() + "')");
        }
        if (device.secret() == null || device.secret().isBlank()) {
            problems.add("device.secret is missing (or its environment variable is not set)");
        }
        if (!Limits.INTERVAL_LENGTHS_SECONDS.contains(intervalSeconds)) {
            problems.add("intervalSeconds must be one of " + Limits.INTERVAL_LENGTHS_SECONDS + ", not " + intervalSeconds);
        }
        if (statusPeriodSeconds < 5 || statusPeriodSeconds > 3600) {
            problems.add("statusPeriodSeconds must be 5 to 3600, not " + statusPeriodSeconds);
        }
        problems.addAll(transport.problems());
        problems.addAll(source.problems());
        problems.addAll(outbox.problems());
        return problems;
    }

    /** Throws with all problems at once if there are any. */
    public AgentSettings validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid agent settings:\n  - " + String.join("\n  - ", problems));
        }
        return this;
    }
}
