package org.roadpulse.ingest.coap;

import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.elements.util.Filter;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.intake.CountIntake;
import org.roadpulse.protocol.DeviceConfig;
import org.roadpulse.protocol.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The CoAP door of the ingest service (Californium): plain CoAP over UDP, where a device proves itself with a
 * {@code token} query, and CoAP over DTLS with the device's pre-shared key. Resources {@code POST /v1/{device}/counts},
 * {@code POST /v1/{device}/status} and {@code GET (Observe) /v1/{device}/config}. Every answer waits for the intake:
 * 2.04 means committed.
 */
public final class CoapIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoapIntake.class);
    /** Port value that switches an endpoint off. */
    public static final int OFF = -1;
    private static final int LOOKUP_THREADS = 4;
    /** Short DTLS connection ids keep a session alive when a mobile link changes the device's address (NAT). */
    private static final int CONNECTION_ID_LENGTH = 6;

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final CoapServer server;
    private final ConfigResource configResource;
    private final ExecutorService lookups;
    private final Endpoint plain;
    private final Endpoint secure;
    private DTLSConnector dtls;

    /**
     * @param port     plain UDP port, 0 for any free one, {@link #OFF} for none
     * @param dtlsPort DTLS port, 0 for any free one, {@link #OFF} for none
     * @param configs  the configuration the platform set for a device, if any
     */
    public CoapIntake(int port, int dtlsPort, CountIntake intake, DeviceRegistry devices,
                      Function<String, Optional<DeviceConfig>> configs, Clock clock) {
        Configuration config = configuration();
        this.lookups = Executors.newFixedThreadPool(LOOKUP_THREADS, namedDaemons());
        SenderCheck senders = new SenderCheck(devices, lookups);
        this.configResource = new ConfigResource(senders, configs);
        this.server = new CoapServer(config);
        server.add(new DevicesResource(
                new CountsResource(senders, intake, clock),
                new StatusResource(senders, devices, lookups),
                configResource));
        this.plain = port == OFF ? null : plainEndpoint(config, port);
        this.secure = dtlsPort == OFF ? null : dtlsEndpoint(config, dtlsPort, devices);
        if (plain != null) {
            server.addEndpoint(plain);
        }
        if (secure != null) {
            server.addEndpoint(secure);
        }
    }

    public void start() {
        if (plain == null && secure == null) {
            LOG.info("CoAP intake off (both ports set to {})", OFF);
            return;
        }
        server.start();
        LOG.info("CoAP intake listening: UDP port {}, DTLS port {}", port(), dtlsPort());
    }

    /** The plain UDP port actually bound, or {@link #OFF}. */
    public int port() {
        return plain == null ? OFF : plain.getAddress().getPort();
    }

    /** The DTLS port actually bound, or {@link #OFF}. */
    public int dtlsPort() {
        return secure == null ? OFF : secure.getAddress().getPort();
    }

    /**
     * Ends the DTLS sessions of this device (its credentials were withdrawn): its next request needs a new handshake,
     * which the registry then answers. Requests on a session still in flight are refused by {@link SenderCheck}.
     */
    public void endSessions(String deviceId) {
        if (dtls != null) {
            Filter<Principal> ofDevice = principal -> principal instanceof PreSharedKeyIdentity psk
                    && deviceId.equals(psk.getIdentity());
            dtls.startTerminateConnectionsForPrincipal(ofDevice, true);
            LOG.info("DTLS sessions of device {} ended", deviceId);
        }
    }

    /** Notifies the device's observers of {@code /v1/{device}/config}. */
    public void configChanged(String deviceId) {
        configResource.changed(deviceId);
    }

    @Override
    public void close() {
        server.destroy();
        lookups.shutdownNow();
        LOG.info("CoAP intake stopped");
    }

    private static Configuration configuration() {
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, Limits.MAX_PAYLOAD_BYTES);
        // Duplicate detection keeps each answered exchange for 247 s by default: a flood of 34,000 requests held
        // 130 MB (FuzzedIntakeTest). Per peer, the last 64 messages are plenty for a device that sends one at a time.
        config.set(CoapConfig.DEDUPLICATOR, CoapConfig.DEDUPLICATOR_PEERS_MARK_AND_SWEEP);
        config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        config.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, CONNECTION_ID_LENGTH);
        return config;
    }

    private static Endpoint plainEndpoint(Configuration config, int port) {
        return CoapEndpoint.builder()
                .setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress(port))
                .build();
    }

    private Endpoint dtlsEndpoint(Configuration config, int port, DeviceRegistry devices) {
        DtlsConnectorConfig dtlsConfig = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(port))
                .setAdvancedPskStore(new DevicePskStore(devices, lookups))
                .build();
        this.dtls = new DTLSConnector(dtlsConfig);
        return CoapEndpoint.builder()
                .setConfiguration(config)
                .setConnector(this.dtls)
                .build();
    }

    private static java.util.concurrent.ThreadFactory namedDaemons() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "coap-lookup-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
