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

@Command(name = "replay-radar", mixinStandardHelpOptions = true,
        description = "Replays per-vehicle records of a Moers side-fire radar (DD.MM.YY HH:MM:SS;00;speed;length;lane) "
                + "as count intervals in the 2+1 scheme with speeds, then exits when all are acknowledged.")
final class ReplayRadarCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The radar file")
    Path file;

    @Mixin
    DeviceOptions device;

    @Option(names = "--keep-running", description = "Keep running after the replay (e.g. to receive configuration)")
    boolean keepRunning;

    @Override
    public Integer call() throws Exception {
        Agent agent = Agent.create(device.settings(SourceSettings.radar(file, device.speed)));
        return AgentRunner.run(List.of(agent), !keepRunning, System.out);
    }
}
