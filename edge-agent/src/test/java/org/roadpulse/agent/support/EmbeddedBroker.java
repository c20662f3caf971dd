package org.roadpulse.agent.support;

import com.hivemq.embedded.EmbeddedHiveMQ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * HiveMQ CE in this JVM on a free loopback port, with file persistence in a folder of its own, so that it can be
 * stopped and started again with its sessions and queued messages intact. No authentication: the agent's tests
 * are about delivery, not access.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final int port;
    private final Path conf;
    private final Path data;
    private final Path extensions;
    private EmbeddedHiveMQ hivemq;

    public EmbeddedBroker(Path root) {
        try {
            port = freePort();
            conf = Files.createDirectories(root.resolve("conf"));
            data = Files.createDirectories(root.resolve("data"));
            extensions = Files.createDirectories(root.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                      </listeners>
                      <persistence><mode>file</mode></persistence>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker instance on the folders. A stopped instance cannot start again (HiveMQ 2025.5 registers its
     * metrics twice), so every start builds a new one; sessions and queued messages come from the data folder.
     */
    public synchronized EmbeddedBroker start() {
        hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withoutLoggingBootstrap()
                .build();
        hivemq.start().join();
        return this;
    }

    public synchronized void stop() throws Exception {
        if (hivemq != null) {
            hivemq.stop().join();
            hivemq.close();
            hivemq = null;
        }
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
