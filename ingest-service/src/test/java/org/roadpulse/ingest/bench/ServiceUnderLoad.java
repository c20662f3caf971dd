package org.roadpulse.ingest.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.roadpulse.ingest.devices.PgDeviceRegistry;
import org.roadpulse.ingest.storage.PgSchema;
import org.roadpulse.ingest.testing.FreePorts;
import org.roadpulse.ingest.testing.ServiceHealth;
import org.roadpulse.platform.postgres.PgServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The ingest service as it runs in production, for the long benchmarks: a process of its own (so its heap and RSS
 * are its own, not the simulated devices'), with its embedded broker, on a PostgreSQL with durable settings that the
 * benchmark starts and can look into (stored counts, a slow-down). Devices are registered before the service starts.
 */
final class ServiceUnderLoad implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Path dataDir;
    final HikariDataSource db;
    private final PgServer postgres;
    private Process service;
    private String base;
    private int mqttPort;

    private ServiceUnderLoad(Path dataDir, PgServer postgres, HikariDataSource db) {
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.db = db;
    }

    static ServiceUnderLoad database(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        PgServer postgres = PgServer.startEmbedded(dataDir.resolve("postgres"), FreePorts.any(), true, "roadpulse",
                "roadpulse");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername(postgres.username());
        config.setPassword(postgres.password());
        config.setMaximumPoolSize(3);
        HikariDataSource db = new HikariDataSource(config);
        PgSchema.migrate(db);
        return new ServiceUnderLoad(dataDir, postgres, db);
    }

    /**
     * Registers {@code count} devices {@code prefix-0 ...}; their ids and secrets in order. In parallel: each secret
     * is hashed with Argon2id (about 0.1 s of CPU).
     */
    Map<String, String> register(String prefix, int count) throws SQLException {
        PgDeviceRegistry registry = new PgDeviceRegistry(db);
        Map<String, String> secrets = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.stream.IntStream.range(0, count).parallel().forEach(d -> secrets.put(prefix + "-" + d,
                registry.provision(prefix + "-" + d, "10045111", "Benchmark " + d, null).secret()));
        Map<String, String> ordered = new LinkedHashMap<>();
        for (int d = 0; d < count; d++) {
            ordered.put(prefix + "-" + d, secrets.get(prefix + "-" + d));
        }
        return ordered;
    }

    /** Starts the service process with this heap limit and settings (environment variables); waits for /health. */
    void startService(String maxHeap, Map<String, String> settings) throws IOException, InterruptedException {
        int httpPort = FreePorts.any();
        mqttPort = FreePorts.any();
        base = "http://127.0.0.1:" + httpPort;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path")));
        String logging = System.getProperty("logback.configurationFile");
        if (logging != null) {
            command.add("-Dlogback.configurationFile=" + Path.of(logging).toAbsolutePath());
        }
        command.add("org.roadpulse.ingest.IngestApplication");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("service.log").toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("MICRONAUT_SERVER_PORT", String.valueOf(httpPort));
        environment.put("ROADPULSE_DATA_DIR", dataDir.resolve("service").toString());
        environment.put("ROADPULSE_DATABASE_URL", postgres.jdbcUrl());
        environment.put("ROADPULSE_DATABASE_USERNAME", postgres.username());
        environment.put("ROADPULSE_DATABASE_PASSWORD", postgres.password());
        environment.put("ROADPULSE_BROKER_EMBEDDED_PORT", String.valueOf(mqttPort));
        environment.put("ROADPULSE_BROKER_TLS_PORT", "0");
        environment.put("ROADPULSE_COAP_PORT", "-1");
        environment.put("ROADPULSE_COAP_DTLS_PORT", "-1");
        environment.putAll(settings);
        service = builder.start();
        ServiceHealth.await(service, base, Duration.ofMinutes(2), dataDir.resolve("service.log").toString());
    }

    String mqttUrl() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    /** CPU seconds the service process has used. */
    double serviceCpuSeconds() throws IOException {
        return ProcessCpu.seconds(service.pid());
    }

    /** CPU seconds PostgreSQL has used: the postmaster and its backends. */
    double postgresCpuSeconds() throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        return ProcessCpu.treeSeconds(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    }

    /** The service process's resident memory (VmRSS), in bytes. */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(service.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for process " + service.pid());
    }

    /** The service's own figures: heap used and committed, heap live after the last collection, writer queue depth. */
    Metrics metrics() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/prometheus"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        long heapUsed = 0;
        long heapCommitted = 0;
        long liveAfterGc = 0;
        long queueDepth = 0;
        for (String line : response.body().lines().toList()) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                heapUsed += value(line);
            } else if (line.startsWith("jvm_memory_committed_bytes{") && line.contains("area=\"heap\"")) {
                heapCommitted += value(line);
            } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
                liveAfterGc = value(line);
            } else if (line.startsWith("roadpulse_writer_queue_depth")) {
                queueDepth = value(line);
            }
        }
        return new Metrics(heapUsed, heapCommitted, liveAfterGc, queueDepth);
    }

    record Metrics(long heapUsed, long heapCommitted, long liveAfterGc, long queueDepth) {
    }

    long storedMessages() throws SQLException {
        return number("SELECT count(*) FROM count_message");
    }

    /** Bytes on disk per table, indexes and TOAST included, a partitioned table's partitions added to it. */
    Map<String, Long> tableBytes() throws SQLException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT coalesce(i.inhparent::regclass::text, c.relname), "
                     + "sum(pg_total_relation_size(c.oid)) FROM pg_class c"
                     + " LEFT JOIN pg_inherits i ON i.inhrelid = c.oid"
                     + " WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace"
                     + " GROUP BY 1 ORDER BY 2 DESC")) {
            while (rows.next()) {
                sizes.put(rows.getString(1), rows.getLong(2));
            }
        }
        return sizes;
    }

    long number(String sql) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        db.close();
        postgres.close();
    }

    private static long value(String line) {
        List<String> parts = List.of(line.trim().split("\\s+"));
        return (long) Double.parseDouble(parts.get(parts.size() - 1));
    }
}
