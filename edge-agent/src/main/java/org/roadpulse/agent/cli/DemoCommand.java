package org.roadpulse.agent.cli;

import org.roadpulse.agent.Agent;
import org.roadpulse.agent.config.DemoDevices;
import org.roadpulse.agent.config.SettingsFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the demo's simulated devices (the ingest service's demo-devices.yml: the four Saarland "
                + "model municipalities), each over its own transport and with its own outbox. The day so far is "
                + "caught up at --speed, then the devices run live.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--devices", required = true, description = "The demo devices file (demo-devices.yml)")
    Path devicesFile;

    @Option(names = "--mqtt", defaultValue = "tcp://localhost:1883", description = "MQTT broker. Default: ${DEFAULT-VALUE}")
    String mqttUri;

    @Option(names = "--coap", defaultValue = "coap://localhost:5683", description = "CoAP endpoint. Default: ${DEFAULT-VALUE}")
    String coapUri;

    @Option(names = "--speed", defaultValue = "60", description = "Time compression. Default: ${DEFAULT-VALUE}")
    double speed;

    @Option(names = "--interval", defaultValue = "300", description = "Interval length in s. Default: ${DEFAULT-VALUE}")
    int intervalSeconds;

    @Option(names = "--outbox-root", defaultValue = "data/outbox", description = "Parent of the outboxes. Default: ${DEFAULT-VALUE}")
    Path outboxRoot;

    @Override
    public Integer call() throws Exception {
        DemoDevices demo = SettingsFiles.readDemoDevices(devicesFile);
        List<Agent> agents = demo.agents(mqttUri, coapUri, speed, outboxRoot, intervalSeconds).stream()
                .map(Agent::create).toList();
        return AgentRunner.run(agents, false, System.out);
    }
}
