package org.roadpulse.ingest.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.roadpulse.ingest.broker.BrokerAddress;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.intake.CountIntake;
import org.roadpulse.ingest.intake.InboundCounts;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.ingest.storage.RawCopy;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.CountIntervalCodec;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.Topics;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end telemetry benchmark: simulated devices publish count intervals through the service's embedded broker
 * (real Paho clients, QoS 1) into the running service (embedded PostgreSQL with its durable default settings).
 *
 * <ol>
 *   <li><b>Capacity</b>: every device publishes its intervals as fast as it can; stored interval records per second
 *       from the first publish to the last commit.</li>
 *   <li><b>Latency</b>: the same at a steady offered load ({@code bench.rate} records/s, default the 30,000 target):
 *       p50/p99 from publish to the storing transaction.</li>
 *   <li><b>Writer vs raw COPY</b>: the same payloads fed to the intake without the broker (decode, validate,
 *       idempotent write), against raw COPY of the same rows into the same table — the baseline, measured in the
 *       same run, alternating, median of three.</li>
 * </ol>
 * One message in 500 is invalid (unsupported version): it must be rejected and must not hold back the others.
 * Run with {@code bench/telemetry.sh} (options as system properties, see there).
 */
public final class TelemetryBenchmark {

    private static final int DEVICES = Integer.getInteger("bench.devices", 200);
    private static final int INTERVALS = Integer.getInteger("bench.intervals", 100);
    private static final double LATENCY_RATE = Double.parseDouble(System.getProperty("bench.rate", "30000"));
    private static final int ROUNDS = 3;
    private static final int INVALID_EVERY = 500;
    private static final int IN_FLIGHT = 5_000;
    private static final CountIntervalCodec CODEC = new CountIntervalCodec();

    private final ApplicationContext context;
    private final DataSource db;
    private final List<MqttAsyncClient> clients = new ArrayList<>();

    private TelemetryBenchmark(ApplicationContext context) {
        this.context = context;
        this.db = context.getBean(DataSource.class);
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("roadpulse-bench");
        Map<String, Object> properties = new HashMap<>();
        properties.put("roadpulse.data-dir", dataDir.toString());
        properties.put("roadpulse.database.embedded-port", 0);
        properties.put("roadpulse.broker.embedded-port", 0);
        properties.put("roadpulse.coap.port", -1);
        properties.put("roadpulse.coap.dtls-port", -1);
        properties.put("micronaut.server.port", -1);
        System.out.printf("RoadPulse telemetry benchmark: %d devices, %d cores, data in %s%n", DEVICES,
                Runtime.getRuntime().availableProcessors(), dataDir);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            TelemetryBenchmark bench = new TelemetryBenchmark(server.getApplicationContext());
            try {
                bench.run();
            } catch (Exception | AssertionError e) {
                e.printStackTrace();
                System.exit(1);
            } finally {
                bench.disconnect();
            }
        }
        System.exit(0);
    }

    private void run() throws Exception {
        DeviceRegistry registry = context.getBean(DeviceRegistry.class);
        Map<String, String> secrets = new HashMap<>();
        for (int d = 0; d < DEVICES; d++) {
            secrets.put(BenchmarkMessages.device(d),
                    registry.provision(BenchmarkMessages.device(d), "10045111", "Benchmark " + d, null).secret());
        }
        connect(secrets);
        List<CountInterval> all = BenchmarkMessages.intervals(DEVICES, 2 * INTERVALS);
        List<CountInterval> capacityLoad = all.subList(0, DEVICES * INTERVALS);
        List<CountInterval> latencyLoad = all.subList(DEVICES * INTERVALS, all.size());

        System.out.printf("%n1. Capacity: %,d messages (%,d records) published as fast as possible%n",
                capacityLoad.size(), capacityLoad.size() * BenchmarkMessages.RECORDS_PER_MESSAGE);
        Phase capacity = publishAndAwait(capacityLoad, 0);
        capacity.print();

        double messageRate = LATENCY_RATE / BenchmarkMessages.RECORDS_PER_MESSAGE;
        System.out.printf("%n2. Latency at a steady %,.0f records/s (%,.0f messages/s)%n", LATENCY_RATE, messageRate);
        Phase latency = publishAndAwait(latencyLoad, messageRate);
        latency.print();
        Timer batches = context.getBean(MeterRegistry.class).find("roadpulse.writer.batch").timer();
        if (batches != null) {
            System.out.printf("   writer batches: %,d, mean %.1f ms, max %.1f ms (commit follows the storing "
                    + "transaction's start by at most this)%n", batches.count(), batches.mean(TimeUnit.MILLISECONDS),
                    batches.max(TimeUnit.MILLISECONDS));
        }

        System.out.printf("%n3. Writer without the broker vs raw COPY of the same %,d rows (median of %d, alternating)%n",
                capacityLoad.size() * BenchmarkMessages.RECORDS_PER_MESSAGE, ROUNDS);
        writerVersusCopy(capacityLoad);
    }

    /** One phase's outcome: what was published, stored and rejected, and when. */
    private record Phase(int messages, int rejectedExpected, long rejected, double seconds, double[] latenciesMs) {

        void print() {
            int stored = messages - rejectedExpected;
            Percentiles latency = Percentiles.of(latenciesMs);
            System.out.printf("   stored %,d messages = %,d records in %.2f s: %,.0f records/s (%,.0f messages/s)%n",
                    stored, stored * BenchmarkMessages.RECORDS_PER_MESSAGE, seconds,
                    stored * BenchmarkMessages.RECORDS_PER_MESSAGE / seconds, stored / seconds);
            System.out.printf("   publish -> stored: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", latency.at(50),
                    latency.at(99), latency.at(100));
            System.out.printf("   rejected: %,d of %,d invalid messages (dead letters)%n", rejected, rejectedExpected);
        }
    }

    private Phase publishAndAwait(List<CountInterval> load, double messagesPerSecond) throws Exception {
        long deadLettersBefore = count("SELECT count(*) FROM dead_letter");
        long storedBefore = count("SELECT count(*) FROM count_message");
        Map<String, Long> publishedAtMicros = new HashMap<>(load.size() * 2);
        int invalid = 0;
        long started = System.nanoTime();
        Instant firstPublish = Instant.now();
        for (int i = 0; i < load.size(); i++) {
            if (messagesPerSecond > 0) {
                long due = started + (long) (i / messagesPerSecond * 1e9);
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
            }
            CountInterval interval = load.get(i);
            boolean bad = (i + 1) % INVALID_EVERY == 0;
            byte[] payload = bad ? unsupportedVersion(interval) : CODEC.encode(interval, Encoding.CBOR);
            invalid += bad ? 1 : 0;
            publishedAtMicros.put(interval.deviceId() + "/" + interval.seq(), micros(Instant.now()));
            publish(i % DEVICES, interval.deviceId(), payload);
        }
        int expected = load.size() - invalid;
        awaitStored(storedBefore + expected);
        List<Double> latencies = new ArrayList<>(expected);
        long lastStoredMicros = 0;
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT device_id, seq, (extract(epoch FROM stored_at) * 1e6)::bigint"
                     + " FROM count_message ORDER BY stored_at")) {
            while (rows.next()) {
                Long published = publishedAtMicros.get(rows.getString(1) + "/" + rows.getLong(2));
                if (published != null) {
                    long storedMicros = rows.getLong(3);
                    latencies.add((storedMicros - published) / 1000.0);
                    lastStoredMicros = Math.max(lastStoredMicros, storedMicros);
                }
            }
        }
        double seconds = (lastStoredMicros - micros(firstPublish)) / 1e6;
        awaitCount("SELECT count(*) FROM dead_letter", deadLettersBefore + invalid, 10);
        return new Phase(load.size(), invalid, count("SELECT count(*) FROM dead_letter") - deadLettersBefore, seconds,
                latencies.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private void writerVersusCopy(List<CountInterval> load) throws Exception {
        CountIntake intake = context.getBean(CountIntake.class);
        List<byte[]> payloads = load.stream().map(interval -> CODEC.encode(interval, Encoding.CBOR)).toList();
        long rows = (long) load.size() * BenchmarkMessages.RECORDS_PER_MESSAGE;
        double[] writer = new double[ROUNDS];
        double[] copy = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            empty();
            copy[round] = RawCopy.copy(db, load, 1000);
            empty();
            long started = System.nanoTime();
            // As the transports do: many messages in flight, but not more than the writer's queue takes.
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            List<CompletableFuture<IntakeResult>> results = new ArrayList<>(payloads.size());
            for (int i = 0; i < payloads.size(); i++) {
                inFlight.acquire();
                results.add(intake.submit(new InboundCounts(Transport.MQTT, load.get(i).deviceId(), payloads.get(i),
                        Encoding.CBOR, Instant.now())).whenComplete((result, failure) -> inFlight.release()));
            }
            for (CompletableFuture<IntakeResult> result : results) {
                IntakeResult outcome = result.join();
                if (!(outcome instanceof IntakeResult.Stored)) {
                    throw new IllegalStateException("the writer did not store a valid message: " + outcome);
                }
            }
            writer[round] = (System.nanoTime() - started) / 1e9;
            System.out.printf("   round %d: raw COPY %.2f s, writer %.2f s%n", round + 1, copy[round], writer[round]);
        }
        double copyRate = rows / median(copy);
        double writerRate = rows / median(writer);
        System.out.printf("   raw COPY : %,10.0f records/s   (baseline)%n", copyRate);
        System.out.printf("   writer   : %,10.0f records/s   = %.2f x raw COPY (target >= 0.50)%n", writerRate,
                writerRate / copyRate);
    }

    private void connect(Map<String, String> secrets) throws MqttException {
        String url = context.getBean(BrokerAddress.class).url();
        for (int d = 0; d < DEVICES; d++) {
            String device = BenchmarkMessages.device(d);
            MqttAsyncClient client = new MqttAsyncClient(url, device, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(device);
            options.setPassword(secrets.get(device).toCharArray());
            options.setCleanSession(false);
            options.setMaxInflight(1000);
            client.connect(options).waitForCompletion(10_000);
            clients.add(client);
        }
    }

    private void publish(int client, String device, byte[] payload) throws Exception {
        while (true) {
            try {
                clients.get(client).publish(Topics.counts(device), payload, 1, false);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                Thread.sleep(1);
            }
        }
    }

    private void disconnect() {
        for (MqttAsyncClient client : clients) {
            try {
                client.disconnectForcibly(0, 100, false);
                client.close(true);
            } catch (MqttException ignored) {
                // the benchmark is over
            }
        }
    }

    private void awaitStored(long target) throws Exception {
        long lastPrinted = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        long stored;
        while ((stored = count("SELECT count(*) FROM count_message")) < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + stored + " of " + target + " messages stored after 10 min");
            }
            if (System.nanoTime() - lastPrinted > 1e9) {
                System.out.print("\r   " + bar(stored, target));
                lastPrinted = System.nanoTime();
            }
            Thread.sleep(20);
        }
        System.out.print("\r   " + bar(target, target) + "\n");
    }

    private static String bar(long done, long total) {
        int width = 30;
        int filled = (int) (width * done / Math.max(1, total));
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + String.format("%,d / %,d stored", done, total);
    }

    private void awaitCount(String sql, long target, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (count(sql) < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void empty() throws Exception {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE count_record, count_message, device_activity");
        }
    }

    private long count(String sql) throws Exception {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static byte[] unsupportedVersion(CountInterval interval) {
        String json = new String(CODEC.encode(interval, Encoding.JSON), StandardCharsets.UTF_8);
        return json.replaceFirst("\"v\":1", "\"v\":99").getBytes(StandardCharsets.UTF_8);
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
