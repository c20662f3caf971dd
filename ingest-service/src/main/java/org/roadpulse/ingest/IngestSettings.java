package org.roadpulse.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Every setting of the ingest service, in one place. Each nested record binds one prefix of {@code application.yml};
 * environment variables override as usual ({@code ROADPULSE_DATABASE_URL} for {@code roadpulse.database.url}).
 * Empty URLs mean "embedded": the zero-setup default.
 */
public final class IngestSettings {

    private IngestSettings() {
    }

    /** Where embedded components keep their files: {@code postgres/} and {@code broker/} below it. */
    @ConfigurationProperties("roadpulse")
    public record Paths(@Bindable(defaultValue = "data") String dataDir) {
    }

    /**
     * @param url      JDBC URL of an external PostgreSQL/TimescaleDB; empty starts the embedded PostgreSQL
     * @param embeddedPort port of the embedded PostgreSQL (0 = any free port)
     * @param durable  fsync and synchronous commit for the embedded PostgreSQL; only tests turn it off
     * @param poolSize most connections the service holds
     * @param connectTimeoutMs how long a caller waits for a connection before the database counts as unavailable
     *                         (the writer then answers "unavailable" instead of hanging)
     */
    @ConfigurationProperties("roadpulse.database")
    public record Database(
            @Nullable String url,
            @Bindable(defaultValue = "roadpulse") String username,
            @Bindable(defaultValue = "roadpulse") String password,
            @Bindable(defaultValue = "54329") int embeddedPort,
            @Bindable(defaultValue = "true") boolean durable,
            @Bindable(defaultValue = "8") int poolSize,
            @Bindable(defaultValue = "5000") long connectTimeoutMs) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /**
     * @param url          external broker, e.g. {@code tcp://broker:1883}; empty starts the embedded HiveMQ
     * @param embeddedPort MQTT port of the embedded broker (0 = any free port)
     * @param username     the ingest service's own broker account
     * @param consumers    MQTT clients in the shared subscription group of this instance (parallel intake)
     * @param maxQueueSize messages a broker keeps per client before it drops (HiveMQ's default of 1,000 loses bursts)
     * @param tlsPort      MQTT over TLS of the embedded broker (0 = any free port); only with a keystore
     * @param tlsKeystore  PKCS12 keystore with the embedded broker's key and certificate; empty = no TLS listener
     * @param tlsKeystorePassword its password (also the key's)
     * @param hookKey      what an external broker (EMQX) sends in {@code X-RoadPulse-Broker-Key} when it asks
     *                     {@code POST /broker/v1/authenticate} whether a client may connect; empty = no such hook
     * @param adminUrl     the external broker's management API (EMQX 5, e.g. {@code http://broker:18083}), where a
     *                     rotated or revoked device's connection is ended; empty = none
     * @param adminKey     API key for {@code adminUrl}
     * @param adminSecret  its secret
     */
    @ConfigurationProperties("roadpulse.broker")
    public record Broker(
            @Nullable String url,
            @Bindable(defaultValue = "1883") int embeddedPort,
            @Bindable(defaultValue = "roadpulse-ingest") String username,
            @Bindable(defaultValue = "change-me-ingest") String password,
            @Bindable(defaultValue = "2") int consumers,
            @Bindable(defaultValue = "1000000") long maxQueueSize,
            @Bindable(defaultValue = "8883") int tlsPort,
            @Nullable String tlsKeystore,
            @Nullable String tlsKeystorePassword,
            @Nullable String hookKey,
            @Nullable String adminUrl,
            @Nullable String adminKey,
            @Nullable String adminSecret) {

        /** MQTT over TLS for the embedded broker, or null when no keystore is configured. */
        public @Nullable java.nio.file.Path tlsKeystorePath() {
            return tlsKeystore == null || tlsKeystore.isBlank() ? null : java.nio.file.Path.of(tlsKeystore.trim());
        }
    }

    /**
     * @param port     plain CoAP over UDP (0 = any free port, -1 = off)
     * @param dtlsPort CoAP over DTLS with pre-shared keys (0 = any free port, -1 = off)
     */
    @ConfigurationProperties("roadpulse.coap")
    public record Coap(
            @Bindable(defaultValue = "5683") int port,
            @Bindable(defaultValue = "5684") int dtlsPort) {
    }

    /**
     * @param batchSize  most messages per database transaction
     * @param maxDelayMs how long the writer waits to fill a batch before it commits what it has
     * @param queueCapacity messages waiting for the writer; beyond it intake answers "unavailable" (backpressure)
     * @param threads    batches written at the same time, each on its own connection
     */
    @ConfigurationProperties("roadpulse.writer")
    public record Writer(
            @Bindable(defaultValue = "1000") int batchSize,
            @Bindable(defaultValue = "10") int maxDelayMs,
            @Bindable(defaultValue = "20000") int queueCapacity,
            @Bindable(defaultValue = "2") int threads) {

        @Creator
        public Writer {
        }

        /** One writer thread: the simplest setting, for tests that look at single batches. */
        public Writer(int batchSize, int maxDelayMs, int queueCapacity) {
            this(batchSize, maxDelayMs, queueCapacity, 1);
        }
    }

    /**
     * Flow history for planners.
     *
     * @param zone      the time zone of planners' days, weeks and hours
     * @param refreshMs how often the rollups take in newly stored counts (0 = only on demand, for tests)
     * @param publisher national identifier of the publisher in DATEX II exports (the operator's name)
     */
    @ConfigurationProperties("roadpulse.flow")
    public record Flow(
            @Bindable(defaultValue = "Europe/Berlin") String zone,
            @Bindable(defaultValue = "1000") long refreshMs,
            @Bindable(defaultValue = "roadpulse") String publisher) {

        public java.time.ZoneId zoneId() {
            return java.time.ZoneId.of(zone);
        }
    }

    /**
     * Count messages per device ({@code platform.limits.RateLimit}). Off by default: the zero-setup service also imports years
     * of history from one device at full speed; the production stack turns it on.
     *
     * @param messagesPerSecond the sustained rate a device may send at; 0 = no limit
     * @param burst             messages a device may send at once after a quiet time (an outbox emptied after an
     *                          outage)
     */
    @ConfigurationProperties("roadpulse.rate-limit")
    public record RateLimit(
            @Bindable(defaultValue = "0") double messagesPerSecond,
            @Bindable(defaultValue = "1000") int burst) {
    }

    /** @param seedDevices register the simulated devices of the four model municipalities on start (demo mode) */
    @ConfigurationProperties("roadpulse.demo")
    public record Demo(@Bindable(defaultValue = "false") boolean seedDevices) {
    }

    /**
     * The planner pages ({@code /planning/}).
     *
     * @param tileUrl         a map tile server, e.g. {@code https://tiles.example.de/{z}/{x}/{y}.png}; empty draws the
     *                        sites on a plain background, which needs no network beyond the service
     * @param tileAttribution the credit the tile provider asks for (HTML allowed: it is operator configuration)
     */
    @ConfigurationProperties("roadpulse.planning")
    public record Planning(@Nullable String tileUrl, @Nullable String tileAttribution) {
    }

    /**
     * People's access (docs/security.md).
     *
     * @param tokenSecret      the HMAC key that signs and checks the JWTs, at least 32 characters; shared with every
     *                         service that accepts the same tokens (road-ai). Empty: generated once and kept in
     *                         {@code <data-dir>/token-secret}
     * @param operatorPassword the first operator's password when the service starts with no accounts; empty: a
     *                         generated one is written once to {@code <data-dir>/operator-password}
     * @param tokenMinutes     how long a token (and the pages' login cookie) is valid
     * @param loginsPerMinute  login attempts per username and per client address in a minute before 429
     * @param requestsPerSecond API requests a logged-in person may make per second in the long run (0: no limit)
     * @param requestBurst     requests a person may make at once (a page loading its parts, an export)
     */
    @ConfigurationProperties("roadpulse.security")
    public record Security(
            @Nullable String tokenSecret,
            @Nullable String operatorPassword,
            @Bindable(defaultValue = "480") int tokenMinutes,
            @Bindable(defaultValue = "10") int loginsPerMinute,
            @Bindable(defaultValue = "20") double requestsPerSecond,
            @Bindable(defaultValue = "200") int requestBurst) {
    }
}
