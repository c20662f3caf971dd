package org.roadpulse.ingest.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.client.parameter.Listener;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.services.Services;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.intake.CountIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HiveMQ CE running inside the ingest service: the zero-setup MQTT broker. Its files live in one folder
 * ({@code conf/}, {@code data/}, {@code extensions/}), so sessions and queued QoS 1 messages survive a restart;
 * only registered devices and the service's own account get in (see {@link DeviceAuthenticator}).
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final String BIND_ADDRESS = "0.0.0.0";
    private static final long START_TIMEOUT_SECONDS = 120;
    private static final int LOOKUP_THREADS = 4;
    /** The TLS port of a broker without TLS. */
    public static final int OFF = -1;

    private final EmbeddedHiveMQ hiveMq;
    private final ExecutorService lookups;
    private final int port;
    private final int tlsPort;

    private EmbeddedBroker(EmbeddedHiveMQ hiveMq, ExecutorService lookups, int port, int tlsPort) {
        this.hiveMq = hiveMq;
        this.lookups = lookups;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /**
     * Starts the broker and returns once it accepts connections.
     *
     * @param home         the broker's folder, created if missing
     * @param port         MQTT port, 0 for any free one (see {@link #port()})
     * @param maxQueueSize messages kept per client before HiveMQ drops
     */
    public static EmbeddedBroker start(Path home, int port, long maxQueueSize, DeviceRegistry devices,
                                       ServiceAccount service) {
        return start(home, port, maxQueueSize, devices, service, null);
    }

    /**
     * As {@link #start(Path, int, long, DeviceRegistry, ServiceAccount)}, and with devices' counts taken straight to
     * {@code counts} (the PUBACK after the commit) instead of being routed to the shared subscription.
     */
    public static EmbeddedBroker start(Path home, int port, long maxQueueSize, DeviceRegistry devices,
                                       ServiceAccount service, CountIntake counts) {
        return start(home, port, maxQueueSize, null, devices, service, counts);
    }

    /** As above, and with MQTT over TLS on a second listener when {@code tls} is not null. */
    public static EmbeddedBroker start(Path home, int port, long maxQueueSize, BrokerTls tls, DeviceRegistry devices,
                                       ServiceAccount service, CountIntake counts) {
        Path conf = home.resolve("conf");
        Path data = home.resolve("data");
        Path extensions = home.resolve("extensions");
        try {
            Files.createDirectories(conf);
            Files.createDirectories(data);
            Files.createDirectories(extensions);
            Files.writeString(conf.resolve("config.xml"), HiveMqConfig.xml(BIND_ADDRESS, port, maxQueueSize, tls),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the broker folder " + home, e);
        }
        ExecutorService lookups = Executors.newFixedThreadPool(LOOKUP_THREADS, daemonThreads());
        EmbeddedHiveMQ hiveMq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withEmbeddedExtension(DeviceAccessExtension.embedded(
                        new DeviceAuthenticator(new BrokerAdmission(devices, service), lookups),
                        counts == null ? null : new CountsInterceptor(counts)))
                .withoutLoggingBootstrap()
                .build();
        long started = System.nanoTime();
        try {
            hiveMq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(hiveMq, lookups);
            throw new IllegalStateException("interrupted while starting the embedded broker", e);
        } catch (ExecutionException | TimeoutException e) {
            stopQuietly(hiveMq, lookups);
            throw new IllegalStateException("the embedded broker did not start", e);
        }
        int actualPort = port != 0 ? port : boundPort(HiveMqConfig.PLAIN_LISTENER);
        int actualTlsPort = tls == null ? OFF : tls.port() != 0 ? tls.port() : boundPort(HiveMqConfig.TLS_LISTENER);
        LOG.info("Embedded MQTT broker listening on port {}{} (started in {} ms, folder {})", actualPort,
                tls == null ? "" : ", TLS on port " + actualTlsPort, (System.nanoTime() - started) / 1_000_000,
                home.toAbsolutePath());
        return new EmbeddedBroker(hiveMq, lookups, actualPort, actualTlsPort);
    }

    public int port() {
        return port;
    }

    /** The MQTT-over-TLS port, or {@link #OFF}. */
    public int tlsPort() {
        return tlsPort;
    }

    /**
     * Ends the connection of this device, if it has one, without its last will: its credentials have been withdrawn
     * (rotated or revoked). An MQTT 5 client gets a DISCONNECT "not authorized"; an MQTT 3.1.1 client's connection is
     * closed. Its next CONNECT meets the registry's current answer (see {@link DeviceAuthenticator}).
     */
    public void disconnect(String deviceId) {
        Services.clientService().disconnectClient(deviceId, true, DisconnectReasonCode.NOT_AUTHORIZED,
                        "credentials withdrawn")
                .whenComplete((wasConnected, failure) -> {
                    if (failure != null) {
                        LOG.warn("Could not disconnect device {}", deviceId, failure);
                    } else if (wasConnected) {
                        LOG.info("MQTT connection of device {} ended: credentials withdrawn", deviceId);
                    }
                });
    }

    /** The URL the service's own clients use. */
    public BrokerAddress address() {
        return new BrokerAddress("tcp://127.0.0.1:" + port);
    }

    /** Stops the broker; its sessions and queued messages stay on disk for the next start. */
    @Override
    public void close() {
        stopQuietly(hiveMq, lookups);
        LOG.info("Embedded MQTT broker on port {} stopped", port);
    }

    private static int boundPort(String listenerName) {
        return Services.adminService().getServerInformation().getListener().stream()
                .filter(listener -> listenerName.equals(listener.getName()))
                .mapToInt(Listener::getPort)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the embedded broker has no listener"));
    }

    private static void stopQuietly(EmbeddedHiveMQ hiveMq, ExecutorService lookups) {
        try {
            hiveMq.close();
        } catch (ExecutionException e) {
            LOG.warn("Embedded broker failed while stopping", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lookups.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "broker-auth-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
