package org.roadpulse.agent.cli;

import org.roadpulse.agent.Agent;
import org.roadpulse.agent.config.SettingsFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs one agent as its YAML configuration file describes (see config/*.yml).")
final class RunCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, description = "The agent's YAML configuration")
    Path config;

    @Option(names = "--exit-when-done",
            description = "Exit once the source has finished and the outbox is empty (for replays)")
    boolean exitWhenDone;

    @Override
    public Integer call() throws Exception {
        Agent agent = Agent.create(SettingsFiles.readAgent(config));
        return AgentRunner.run(List.of(agent), exitWhenDone, System.out);
    }
}
