package org.roadpulse.agent.cli;

import org.roadpulse.agent.outbox.Outbox;
import org.roadpulse.agent.outbox.OutboxState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = "Shows what an outbox folder holds, without changing it (safe while its agent runs).")
final class OutboxCommand implements Callable<Integer> {

    @Option(names = "--dir", required = true, description = "The outbox folder")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            System.err.println("no outbox folder at " + dir);
            return 2;
        }
        OutboxState state = Outbox.inspect(dir);
        System.out.printf("outbox    %s%npending   %d%nlast seq  %d%noldest    %s%ndropped   %d%n", dir,
                state.pending(), state.lastSeq(), state.oldestSeq() == 0 ? "-" : state.oldestSeq(), state.dropped());
        if (state.skippedBytes() > 0) {
            System.out.printf("damaged   %d bytes (skipped; the agent repairs the log when it opens it)%n",
                    state.skippedBytes());
        }
        return 0;
    }
}
