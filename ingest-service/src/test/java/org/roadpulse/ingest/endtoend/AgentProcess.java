package org.roadpulse.ingest.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The edge agent in a process of its own, so that a test can kill it the way a power cut does ({@code SIGKILL}:
 * no shutdown hook, no flush) and start it again on the same outbox.
 */
final class AgentProcess implements AutoCloseable {

    private final Process process;

    private AgentProcess(Process process) {
        this.process = process;
    }

    /** Writes an agent configuration: one simulated day in 15-minute intervals, paced at {@code speed}. */
    static Path simulatedDayConfig(Path dir, String deviceId, String secret, String uri, double speed)
            throws IOException {
        return Files.writeString(dir.resolve(deviceId + ".yml"), """
                device:
                  id: %s
                  secret: %s
                transport:
                  uri: %s
                  backoffInitialMs: 50
                  backoffMaxMs: 500
                source:
                  type: simulate
                  speed: %s
                  simulation:
                    seed: 5
                    start: "2026-11-02"
                    until: "2026-11-03"
                outbox:
                  dir: %s
                intervalSeconds: 900
                """.formatted(deviceId, secret, uri, speed, dir.resolve("outbox-" + deviceId)));
    }

    static AgentProcess run(Path config, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.roadpulse.agent.cli.AgentCommand", "run", "--config", config.toString(), "--exit-when-done"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new AgentProcess(builder.start());
    }

    void killHard() throws InterruptedException {
        process.destroyForcibly();   // SIGKILL on Linux
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Waits for the agent to finish its replay; its exit code, or -1 on timeout. */
    int awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
