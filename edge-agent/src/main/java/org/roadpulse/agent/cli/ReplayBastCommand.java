package org.roadpulse.agent.cli;

import org.roadpulse.agent.Agent;
import org.roadpulse.agent.config.SourceSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "replay-bast", mixinStandardHelpOptions = true,
        description = "Replays a BASt hourly counting-station file (8+1 classes per direction) as 3600-s intervals, "
                + "then exits when all are acknowledged.")
final class ReplayBastCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The BASt CSV file (e.g. zst5651_2021.csv)")
    Path file;

    @Mixin
    DeviceOptions device;

    @Option(names = "--keep-running", description = "Keep running after the replay")
    boolean keepRunning;

    @Override
    public Integer call() throws Exception {
        Agent agent = Agent.create(device.settings(SourceSettings.bast(file, device.speed)));
        return AgentRunner.run(List.of(agent), !keepRunning, System.out);
    }
}
