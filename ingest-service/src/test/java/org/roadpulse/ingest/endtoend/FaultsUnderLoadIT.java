package org.roadpulse.ingest.endtoend;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.Agent;
import org.roadpulse.ingest.broker.EmbeddedBroker;
import org.roadpulse.ingest.broker.ServiceAccount;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.devices.PgDeviceRegistry;
import org.roadpulse.ingest.storage.PgSchema;
import org.roadpulse.ingest.testing.Await;
import org.roadpulse.ingest.testing.CuttableLink;
import org.roadpulse.ingest.testing.ExternalMosquitto;
import org.roadpulse.ingest.testing.FreePorts;
import org.roadpulse.ingest.testing.RestartablePostgres;
import org.roadpulse.ingest.testing.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Faults under load (issue #8): while 50 edge agents stream 1-minute intervals over MQTT to the packaged service,
 * one part fails — the broker restarts, the service is killed with SIGKILL and started again, PostgreSQL restarts, one
 * agent's link is cut for 10 simulated minutes — and afterwards every device's stored intervals equal its sent ones
 * exactly: same count, same checksum, each seq once.
 *
 * <p>The service runs as a process of its own (SIGKILL must not take the test with it), on a PostgreSQL of this
 * test's own, which it can stop and start on the same port and data folder. The agents run in this JVM with durable
 * outboxes. The broker is Debian's mosquitto, except for the broker restart: mosquitto 2.0.11 does not restore shared
 * subscriptions from its persistence file, so what devices publish after its restart, before the service has
 * subscribed again, goes to no one (see docs/reliability.md). That test restarts the broker the service itself
 * embeds by default, HiveMQ CE, run here in the test's JVM on a folder and port that outlive it.
 */
@Tag("slow")
@Tag("reliability")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FaultsUnderLoadIT {

    private static final int AGENTS = 50;
    /** Simulated minutes each agent streams: 24 s at the fleet's speed. */
    private static final int MINUTES = 120;
    private static final long TOTAL = (long) AGENTS * MINUTES;
    private static final int ROWS_PER_INTERVAL = 2; // one lane each way
    /** How long each fault lasts, in simulated minutes (one interval each). */
    private static final int OUTAGE_MINUTES = 10;
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String OPERATOR_PASSWORD = "faults-under-load-operator";
    private static final ServiceAccount BROKER_ACCOUNT = new ServiceAccount("ingest", "faults-under-load-broker");

    /** Kept when a test fails: the service's and the broker's logs are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final Map<String, String> secrets = new LinkedHashMap<>();
    private RestartablePostgres postgres;
    private DeviceRegistry devices;
    private ExternalMosquitto mosquitto;
    private EmbeddedBroker hiveMq;
    private String brokerUrl;
    private ServiceProcess service;
    /** How long the platform took to get ready, and the service's last start: context for the figures. */
    private long setupMs;
    private long serviceStartMs;

    @BeforeEach
    void startPostgresAndProvisionTheDevices() throws Exception {
        assumeTrue(ExternalMosquitto.installed(), "needs Debian's mosquitto package");
        assumeTrue(Files.exists(ServiceProcess.JAR), "needs the packaged service: run in the integration-test phase");
        long started = System.nanoTime();
        postgres = RestartablePostgres.start(dir.resolve("postgres"));
        PgSchema.migrate(postgres.database().dataSource());
        devices = new PgDeviceRegistry(postgres.database().dataSource());
        for (int i = 1; i <= AGENTS; i++) {
            String deviceId = "fault-" + i;
            secrets.put(deviceId, devices.provision(deviceId, RunningService.MUNICIPALITY, deviceId, null).secret());
        }
        setupMs = millisSince(started);
    }

    @AfterEach
    void stopPlatform() throws Exception {
        if (service != null) {
            service.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (hiveMq != null) {
            hiveMq.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aBrokerRestartedWhileFiftyAgentsStreamLosesNothingAndDoublesNothing() throws Exception {
        int port = FreePorts.any();
        Path brokerHome = dir.resolve("hivemq");
        hiveMq = EmbeddedBroker.start(brokerHome, port, 1_000_000, devices, BROKER_ACCOUNT);
        brokerUrl = "tcp://127.0.0.1:" + port;
        startService();
        try (StreamingFleet fleet = StreamingFleet.start(secrets, deviceId -> brokerUrl, MINUTES, dir)) {
            // GIVEN 50 agents streaming, each a quarter through its stream
            awaitAQuarterStreamed(fleet);
            // WHEN the broker stops for 10 simulated minutes
            Fault fault = new Fault("broker restart", fleet);
            hiveMq.close();
            hiveMq = null;
            fleet.awaitMinutesPassing(OUTAGE_MINUTES, WAIT);
            // AND starts again on its port and folder
            hiveMq = EmbeddedBroker.start(brokerHome, port, 1_000_000, devices, BROKER_ACCOUNT);
            fault.ended();
            // THEN every device's intervals are stored once, as sent
            everyDeviceStoredExactlyWhatItSent(fleet, fault);
        }
    }

    @Test
    void anIngestServiceKilledAndStartedAgainWhileFiftyAgentsStreamLosesNothingAndDoublesNothing()
            throws Exception {
        startMosquittoAndService();
        try (StreamingFleet fleet = StreamingFleet.start(secrets, deviceId -> brokerUrl, MINUTES, dir)) {
            // GIVEN 50 agents streaming, each a quarter through its stream
            awaitAQuarterStreamed(fleet);
            // WHEN the service is killed with SIGKILL (no disconnect, no flush) mid-stream
            service.killHard();
            Fault fault = new Fault("service SIGKILL and start", fleet);
            // AND the agents go on for 10 simulated minutes (the broker queues for the dead service's sessions)
            fleet.awaitMinutesPassing(OUTAGE_MINUTES, WAIT);
            assertThat(stored()).as("stored while the service was dead").isEqualTo(fault.storedAtStart);
            // AND it is started again on its data folder, under its broker username
            startService();
            fault.ended();
            // THEN every device's intervals are stored once, as sent
            everyDeviceStoredExactlyWhatItSent(fleet, fault);
        }
    }

    @Test
    void aPostgresRestartedWhileFiftyAgentsStreamLosesNothingAndDoublesNothing() throws Exception {
        startMosquittoAndService();
        try (StreamingFleet fleet = StreamingFleet.start(secrets, deviceId -> brokerUrl, MINUTES, dir)) {
            // GIVEN 50 agents streaming, each a quarter through its stream
            awaitAQuarterStreamed(fleet);
            // WHEN PostgreSQL stops under the running service for 10 simulated minutes
            Fault fault = new Fault("PostgreSQL restart", fleet);
            postgres.stop();
            fleet.awaitMinutesPassing(OUTAGE_MINUTES, WAIT);
            // AND starts again on its port and data folder
            postgres.startAgain();
            fault.ended();
            // THEN the service, which kept the messages it could not store unacknowledged, stores every one once
            everyDeviceStoredExactlyWhatItSent(fleet, fault);
        }
    }

    @Test
    void anAgentCutOffForTenMinutesDeliversEveryIntervalOnceWhenItReconnects() throws Exception {
        String cutOff = "fault-" + AGENTS;
        startMosquittoAndService();
        try (CuttableLink link = CuttableLink.to(mosquitto.port());
             StreamingFleet fleet = StreamingFleet.start(secrets,
                     deviceId -> deviceId.equals(cutOff) ? link.mqttUrl() : brokerUrl, MINUTES, dir)) {
            // GIVEN 50 agents streaming, one of them through a link that can be cut, each a quarter through its stream
            awaitAQuarterStreamed(fleet);
            Agent agent = fleet.agent(cutOff);
            // WHEN that agent's link is cut for 10 simulated minutes (10 intervals) while the others go on
            long othersAtFault = stored() - storedOf(cutOff);
            Fault fault = new Fault("agent cut off", fleet);
            link.cut();
            StreamingFleet.awaitMinutesPassing(List.of(agent), OUTAGE_MINUTES, WAIT);
            assertThat(agent.pendingCount()).as("intervals held by the cut-off agent").isGreaterThanOrEqualTo(
                    OUTAGE_MINUTES);
            assertThat(stored() - storedOf(cutOff)).as("the others went on").isGreaterThan(othersAtFault);
            long heldAtReconnection = agent.pendingCount();
            // AND it is reconnected
            long heldUpTo = agent.counters().produced();
            link.restore();
            fault.ended();
            long backlogStoredMs = Await.until(() -> storedOf(cutOff) >= heldUpTo, WAIT,
                    () -> storedOf(cutOff) + " of " + cutOff + "'s first " + heldUpTo + " intervals stored");
            // THEN every device's intervals, the cut-off one's included, are stored once, as sent
            everyDeviceStoredExactlyWhatItSent(fleet, fault);
            System.out.printf("Faults under load (agent cut off): %s held %d intervals at reconnection, all stored "
                    + "within %d ms of it%n", cutOff, heldAtReconnection, backlogStoredMs);
        }
    }

    /** What a test saw of its fault, for the figures it prints: when it began and ended, and the counts then. */
    private final class Fault {

        final String name;
        final StreamingFleet fleet;
        final long startNanos = System.nanoTime();
        final long measuredAtStart;
        final long storedAtStart;
        long endNanos;
        long measuredAtEnd;
        long pendingAtEnd;
        long storedAtEnd;

        Fault(String name, StreamingFleet fleet) {
            this.name = name;
            this.fleet = fleet;
            this.measuredAtStart = fleet.produced();
            this.storedAtStart = stored();
        }

        /** The fault is cleared: the broker, service or database is back, or the link restored. */
        void ended() {
            endNanos = System.nanoTime();
            measuredAtEnd = fleet.produced();
            pendingAtEnd = fleet.pending();
            storedAtEnd = stored();
        }
    }

    private void startMosquittoAndService() throws Exception {
        mosquitto = ExternalMosquitto.start(dir.resolve("mosquitto"));
        brokerUrl = mosquitto.url();
        startService();
    }

    /** Starts the packaged service (again) on the test's database and broker, its data folder kept across starts. */
    private void startService() throws Exception {
        TestDatabase db = postgres.database();
        Map<String, String> settings = ServiceProcess.settings(db.jdbcUrl(), db.username(), postgres.password(),
                brokerUrl, BROKER_ACCOUNT.username(), BROKER_ACCOUNT.password(), OPERATOR_PASSWORD);
        long started = System.nanoTime();
        service = ServiceProcess.start("ingest", dir.resolve("service"), settings, START);
        serviceStartMs = millisSince(started);
    }

    /**
     * Waits until every agent has ended its stream and emptied its outbox and every interval is stored, then
     * compares each device's stored series with what it sent: count, lane rows, checksum, each seq once.
     */
    private void everyDeviceStoredExactlyWhatItSent(StreamingFleet fleet, Fault fault) throws Exception {
        Await.until(() -> stored() > fault.storedAtEnd || stored() == TOTAL, WAIT,
                () -> "storing again after the " + fault.name + ": " + stored() + " stored");
        long movingAfterMs = millisSince(fault.endNanos);
        Await.until(() -> stored() >= fault.measuredAtEnd, WAIT, () -> stored() + " stored of the "
                + fault.measuredAtEnd + " measured when the " + fault.name + " ended");
        long backlogStoredMs = millisSince(fault.endNanos);
        fleet.awaitDrained(WAIT);
        Await.until(() -> stored() >= TOTAL, WAIT, () -> stored() + " of " + TOTAL + " stored; missing: " + missing());
        long allStoredMs = millisSince(fault.endNanos);
        for (String deviceId : secrets.keySet()) {
            SeriesChecksum sent = fleet.sent(deviceId);
            assertThat(sent.messages()).as("intervals %s sent", deviceId).isEqualTo(MINUTES);
            StoredSeries stored = new StoredSeries(postgres.database(), deviceId);
            stored.holdsEverySeqOnceUpTo(MINUTES, ROWS_PER_INTERVAL);
            assertThat(stored.checksum()).as("what %s stored, against what it sent", deviceId).isEqualTo(sent);
        }
        assertThat(stored()).isEqualTo(TOTAL);
        System.out.printf("Faults under load (%s): %d agents x %d intervals = %d sent, %d stored, each once, "
                        + "checksums equal. At the fault %d measured, %d stored; it lasted %.1f s; when it ended %d "
                        + "measured, %d stored, %d in the agents' outboxes; storing again after %d ms, the %d "
                        + "measured by then all stored after %.1f s, all %d after %.1f s; stream %.1f s; PostgreSQL "
                        + "and %d devices ready in %.1f s, the service's last start %.1f s%n",
                fault.name, AGENTS, MINUTES, TOTAL, stored(), fault.measuredAtStart, fault.storedAtStart,
                (fault.endNanos - fault.startNanos) / 1e9, fault.measuredAtEnd, fault.storedAtEnd,
                fault.pendingAtEnd, movingAfterMs, fault.measuredAtEnd, backlogStoredMs / 1000.0, TOTAL,
                allStoredMs / 1000.0, millisSince(fleet.startedNanos()) / 1000.0, AGENTS, setupMs / 1000.0,
                serviceStartMs / 1000.0);
    }

    private long stored() {
        return postgres.database().number("SELECT count(*) FROM count_message");
    }

    private long storedOf(String deviceId) {
        return postgres.database().number("SELECT count(*) FROM count_message WHERE device_id = ?", deviceId);
    }

    /** Per device, the seqs not stored (as ranges), for a failure message. */
    private String missing() {
        return postgres.database().rows("""
                SELECT d.id, string_agg(s::text, ',' ORDER BY s)
                FROM device d CROSS JOIN generate_series(1, ?) s
                WHERE d.id LIKE 'fault-%' AND NOT EXISTS
                      (SELECT 1 FROM count_message m WHERE m.device_id = d.id AND m.seq = s)
                GROUP BY d.id ORDER BY d.id""", MINUTES).toString();
    }

    /**
     * Waits until every agent has measured a quarter of its stream and the service has stored some of it. The fault
     * begins then, counted in what the agents measured rather than in what is stored, so that three quarters of the
     * stream are still to come however far storing lags behind on a busy machine.
     */
    private void awaitAQuarterStreamed(StreamingFleet fleet) throws InterruptedException {
        fleet.awaitEachMeasured(MINUTES / 4, WAIT);
        Await.until(() -> stored() > 0, WAIT, () -> "nothing stored yet");
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
