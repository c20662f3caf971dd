package org.roadpulse.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code roadpulse-agent}: the roadside agent's command line. */
@Command(name = "roadpulse-agent",
        mixinStandardHelpOptions = true,
        version = "roadpulse-agent 0.1.0",
        description = "RoadPulse roadside agent: counts traffic into intervals, keeps them in a durable outbox and "
                + "sends them over MQTT, CoAP or HTTP until the platform acknowledged each.",
        subcommands = {
                RunCommand.class,
                CountVideoCommand.class,
                BenchmarkVideoCommand.class,
                DrawSetupCommand.class,
                ReplayRadarCommand.class,
                ReplayBastCommand.class,
                SimulateCommand.class,
                DemoCommand.class,
                OutboxCommand.class,
                CommandLine.HelpCommand.class
        })
public final class AgentCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests and launchers that must not exit). */
    public static int execute(String... args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/roadpulse/agent/cli/agent-logback.xml");
        }
        return new CommandLine(new AgentCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(AgentCommand::reportFailure)
                .execute(args);
    }

    /** Settings and file problems are the user's to fix: say what is wrong, without a stack trace. */
    private static int reportFailure(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof java.nio.file.NoSuchFileException) {
            command.getErr().println("roadpulse-agent: no such file: " + e.getMessage());
            return 2;
        }
        if (e instanceof IllegalArgumentException || e instanceof java.io.IOException) {
            command.getErr().println("roadpulse-agent: " + e.getMessage());
            return 2;
        }
        throw e;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
