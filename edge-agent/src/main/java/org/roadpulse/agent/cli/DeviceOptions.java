package org.roadpulse.agent.cli;

import org.roadpulse.agent.config.AgentSettings;
import org.roadpulse.agent.config.DeviceSettings;
import org.roadpulse.agent.config.OutboxSettings;
import org.roadpulse.agent.config.SourceSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** One device's identity, outbox and pace, for the replay commands. */
final class DeviceOptions {

    @Option(names = "--device", required = true, description = "Device id as registered on the platform")
    String deviceId;

    @Option(names = "--secret", defaultValue = "${env:ROADPULSE_DEVICE_SECRET}",
            description = "Device secret (default: environment variable ROADPULSE_DEVICE_SECRET)")
    String secret;

    @Option(names = "--outbox", description = "Outbox folder (default: outbox/<device>)")
    Path outbox;

    @Option(names = "--max-records", description = "Most unacknowledged intervals kept (default 10000)")
    Integer maxRecords;

    @Option(names = "--speed", defaultValue = "1",
            description = "Time compression: 60 = one hour per minute, 0 = as fast as possible. Default: ${DEFAULT-VALUE}")
    double speed;

    @Option(names = "--interval", defaultValue = "300",
            description = "Interval length in seconds for per-vehicle sources. Default: ${DEFAULT-VALUE}")
    int intervalSeconds;

    @Option(names = "--status-period", defaultValue = "60", description = "Heartbeat period in s. Default: ${DEFAULT-VALUE}")
    int statusPeriodSeconds;

    @Mixin
    TransportOptions transport;

    AgentSettings settings(SourceSettings source) {
        Path dir = outbox != null ? outbox : Path.of("outbox", deviceId);
        return new AgentSettings(DeviceSettings.of(deviceId, secret), transport.settings(), source,
                new OutboxSettings(dir, maxRecords, null), intervalSeconds, statusPeriodSeconds);
    }
}
