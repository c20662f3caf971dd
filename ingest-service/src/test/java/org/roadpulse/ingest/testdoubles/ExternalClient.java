package org.roadpulse.ingest.testdoubles;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A third-party command-line client from the distribution (mosquitto_pub, coap-client-notls, ...), run once. */
public final class ExternalClient {

    private ExternalClient() {
    }

    /** What the client printed and how it ended. */
    public record Outcome(int exitCode, String output) {
    }

    /** Whether an executable of that name is on the PATH. */
    public static boolean installed(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** Runs the command with stderr merged into stdout; kills it after the timeout. */
    public static Outcome run(Duration timeout, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish within " + timeout);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(process.exitValue(), output);
    }
}
