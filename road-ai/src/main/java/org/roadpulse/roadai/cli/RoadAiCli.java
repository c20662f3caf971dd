package org.roadpulse.roadai.cli;

import java.io.PrintWriter;
import org.roadpulse.roadai.model.NativeRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code train}, {@code evaluate}, {@code predict}; for whole frames {@code map}, {@code evaluate-frames}, {@code benchmark-frames}. */
@Command(name = "road-ai", mixinStandardHelpOptions = true, version = "road-ai 0.1",
        description = "Road-damage classifier: train, evaluate and apply it to road image patches and whole frames.",
        subcommands = {TrainCommand.class, CalibrateCommand.class, EnsembleCommand.class, EvaluateCommand.class, PredictCommand.class, MapCommand.class,
                EvaluateFramesCommand.class, BenchmarkFramesCommand.class, EvaluateDriveCommand.class})
public final class RoadAiCli implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** With the output streams given, so tests can read what a command prints. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        // Before anything touches ND4J: picks the oneDNN natives on AVX2 CPUs.
        NativeRuntime.configure();
        CommandLine commandLine = new CommandLine(new RoadAiCli()).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("road-ai: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
