package org.roadpulse.agent.cli;

import org.roadpulse.agent.Agent;
import org.roadpulse.agent.config.AgentSettings;
import org.roadpulse.agent.config.SourceSettings;
import org.roadpulse.agent.source.BastHourlySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Replays a BASt hourly file; with {@code --speed 0} it is the history import: the whole file as fast as the service
 * acknowledges, resumable, with progress and a summary.
 */
@Command(name = "replay-bast", mixinStandardHelpOptions = true,
        description = {"Replays a BASt hourly counting-station file (8+1 classes per direction) as 3600-s intervals, "
                + "then exits when all are acknowledged.",
                "With --speed 0 it imports the file as a site's history as fast as the service acknowledges. "
                        + "Interrupted (Ctrl-C), the same command resumes after the newest interval the outbox took."})
final class ReplayBastCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The BASt CSV file (e.g. zst5651_2021.csv)")
    Path file;

    @Mixin
    DeviceOptions device;

    @Option(names = "--keep-running", description = "Keep running after the replay")
    boolean keepRunning;

    @Option(names = "--progress", negatable = true,
            description = "Progress bar with ETA, redrawn in place (default: on a terminal; else a line every 10 s)")
    Boolean progress;

    @Override
    public Integer call() throws Exception {
        AgentSettings settings = device.settings(SourceSettings.bast(file, device.speed));
        Agent agent = Agent.create(settings);
        ReplayReport report = new ReplayReport(file.getFileName().toString(), BastHourlySource.countIntervals(file),
                settings.transport(), progressMode(), System.out, System::nanoTime);
        return AgentRunner.run(List.of(agent), !keepRunning, report);
    }

    private ReplayReport.Progress progressMode() {
        if (progress == null) {
            return System.console() != null ? ReplayReport.Progress.SAME_LINE : ReplayReport.Progress.LINES;
        }
        return progress ? ReplayReport.Progress.SAME_LINE : ReplayReport.Progress.NONE;
    }
}
