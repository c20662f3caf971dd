package org.roadpulse.agent.cli;

import org.roadpulse.agent.Agent;
import org.roadpulse.agent.config.FleetSettings;
import org.roadpulse.agent.config.SettingsFiles;
import org.roadpulse.agent.config.SimulationSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Runs simulated counting devices of one municipality in this process, each with its own "
                + "outbox (<outbox-root>/<municipality>-001, ...): a daily traffic profile, heavy share, speeds "
                + "around the limit, per lane and direction, reproducible from the device id. A start in the past "
                + "is caught up at --speed, then the devices run live.")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, description = "A fleet YAML file (see config/fleet.yml); other options are ignored")
    Path config;

    @Option(names = "--municipality", defaultValue = "demo", description = "Device id prefix. Default: ${DEFAULT-VALUE}")
    String municipality;

    @Option(names = "--devices", defaultValue = "3", description = "How many devices. Default: ${DEFAULT-VALUE}")
    int devices;

    @ArgGroup(exclusive = true)
    Secrets secrets = new Secrets();

    static final class Secrets {
        @Option(names = "--secret", defaultValue = "${env:ROADPULSE_DEVICE_SECRET}",
                description = "One secret for every device (default: environment variable ROADPULSE_DEVICE_SECRET)")
        String shared;

        @Option(names = "--secrets", description = "A properties file: <device id>=<secret> per line")
        Path file;
    }

    @Option(names = "--outbox-root", defaultValue = "outbox", description = "Parent of the outbox folders. Default: ${DEFAULT-VALUE}")
    Path outboxRoot;

    @Option(names = "--speed", defaultValue = "1", description = "Time compression. Default: ${DEFAULT-VALUE}")
    double speed;

    @Option(names = "--interval", defaultValue = "300", description = "Interval length in s. Default: ${DEFAULT-VALUE}")
    int intervalSeconds;

    @Option(names = "--status-period", defaultValue = "60", description = "Heartbeat period in s. Default: ${DEFAULT-VALUE}")
    int statusPeriodSeconds;

    @Option(names = "--lanes", defaultValue = "1", description = "Lanes per direction. Default: ${DEFAULT-VALUE}")
    int lanes;

    @Option(names = "--daily-vehicles", defaultValue = "8000",
            description = "Workday vehicles per direction (varied 0.5-1.5x between devices). Default: ${DEFAULT-VALUE}")
    double dailyVehicles;

    @Option(names = "--heavy-share", defaultValue = "0.08", description = "Heavy-vehicle share. Default: ${DEFAULT-VALUE}")
    double heavyShare;

    @Option(names = "--speed-limit", defaultValue = "50", description = "Speed limit in km/h. Default: ${DEFAULT-VALUE}")
    int speedLimit;

    @Option(names = "--start",
            description = "First simulated moment: ISO instant, date, 'today' (local midnight) or 'now'. "
                    + "Default: 'today' when --speed is above 1, else 'now'")
    String start;

    @Option(names = "--until", description = "End of the simulation (same formats); without it the devices run until stopped")
    String until;

    @Mixin
    TransportOptions transport;

    @Override
    public Integer call() throws Exception {
        FleetSettings fleet = config != null ? SettingsFiles.readFleet(config) : fromOptions();
        List<Agent> agents = fleet.agents().stream().map(Agent::create).toList();
        return AgentRunner.run(agents, until != null && config == null, System.out);
    }

    private FleetSettings fromOptions() throws IOException {
        SimulationSettings site = new SimulationSettings(lanes, dailyVehicles, heavyShare, speedLimit, null, start, until);
        return new FleetSettings(municipality, devices, secrets.shared, secretsFile(), transport.settings(), site,
                speed, outboxRoot, intervalSeconds, statusPeriodSeconds);
    }

    private Map<String, String> secretsFile() throws IOException {
        Map<String, String> byDevice = new HashMap<>();
        if (secrets.file != null) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(secrets.file)) {
                properties.load(in);
            }
            properties.forEach((id, secret) -> byDevice.put(id.toString().trim(), secret.toString().trim()));
        }
        return byDevice;
    }
}
