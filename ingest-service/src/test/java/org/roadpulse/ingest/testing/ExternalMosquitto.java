package org.roadpulse.ingest.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mosquitto 2 as the external broker that several service instances share (it supports MQTT 5 shared
 * subscriptions), on a free loopback port, anonymous as in {@code bench/telemetry.sh BROKER=mosquitto}, with
 * persistence so that a service instance's session outlives the instance.
 */
public final class ExternalMosquitto implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path dir;
    private final int port;
    private final Path log;
    private Process process;

    private ExternalMosquitto(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.log = dir.resolve("mosquitto.log");
    }

    /** For {@code assumeTrue}: the test needs Debian's {@code mosquitto} package. */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts the broker with its configuration, store and log in {@code dir}; returns once it accepts connections. */
    public static ExternalMosquitto start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        ExternalMosquitto broker = new ExternalMosquitto(dir, FreePorts.any());
        broker.launch();
        return broker;
    }

    /** Stops the broker the orderly way (SIGTERM: it writes its persistence file, sessions and queued messages). */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /**
     * Starts a stopped broker again on the same port and folder, so that clients' sessions and the messages queued
     * for them come back; returns once it accepts connections.
     */
    public void startAgain() throws IOException, InterruptedException {
        launch();
    }

    private void launch() throws IOException, InterruptedException {
        Path config = Files.writeString(dir.resolve("mosquitto.conf"), """
                listener %d 127.0.0.1
                allow_anonymous true
                # queue what a subscriber has not taken yet instead of dropping it (the default is 1,000 messages)
                max_queued_messages 1000000
                max_inflight_messages 1000
                persistence true
                persistence_location %s/
                # started as root, mosquitto switches to the user 'mosquitto', which cannot write this folder: it
                # would then save nothing at a stop, and a restart would lose every queued message (no effect unless root)
                user %s
                """.formatted(port, dir, System.getProperty("user.name")));
        process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitListening(Duration.ofSeconds(10));
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    private void awaitListening(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited: " + Files.readString(log));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("mosquitto not listening on " + port + " after " + timeout);
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
