package org.roadpulse.ingest.bench;

import org.roadpulse.ingest.testing.SimulatedFleet;
import org.roadpulse.ingest.testing.SlowDatabase;

import java.awt.Color;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Backpressure (issue #8): the soak's set-up (service process, embedded broker, durable PostgreSQL, devices sending
 * one interval each every {@code bench.interval-ms}) in three phases of {@code bench.phase-seconds}: the database at
 * full speed (the baseline), the database slowed for real by {@code bench.slow-ms} per claimed message (a sleeping
 * trigger), and recovered. For each phase it prints what the devices offered and sent, what was acknowledged and
 * stored per second, publish → PUBACK times, the writer queue, what waits in flight and in the devices' outboxes, and
 * the service's memory; then the drain, and whether every message was stored once. Run with
 * {@code bench/backpressure.sh}.
 */
public final class BackpressureBenchmark {

    private static final int DEVICES = Integer.getInteger("bench.devices", 1000);
    private static final int INTERVAL_MS = Integer.getInteger("bench.interval-ms", 1000);
    private static final int PHASE_SECONDS = Integer.getInteger("bench.phase-seconds", 30);
    private static final int SLOW_MS = Integer.getInteger("bench.slow-ms", 5);
    private static final String HEAP = System.getProperty("bench.heap", "512m");
    private static final int WINDOW = 10;
    private static final double MIB = 1024 * 1024;

    private BackpressureBenchmark() {
    }

    /** One second's look, in a phase. */
    record Sample(String phase, double seconds, long sent, long acknowledged, long stored, long inFlight,
                  long heldAtDevices, long writerQueue, long heapUsed, long rss, long connectionsLost,
                  double[] pubackMs) {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "ingest-service/target/backpressure"));
        Path data = Files.createTempDirectory("roadpulse-backpressure");
        System.out.printf("RoadPulse backpressure: %,d devices x 1 message every %,d ms; phases of %d s; slowed "
                        + "database: +%d ms per message; %d cores, load average %s%n", DEVICES, INTERVAL_MS,
                PHASE_SECONDS, SLOW_MS, Runtime.getRuntime().availableProcessors(), SoakBenchmark.loadAverage());
        int status = 0;
        try (ServiceUnderLoad service = ServiceUnderLoad.database(data)) {
            Map<String, String> secrets = service.register("pressure", DEVICES);
            service.startService(HEAP, Map.of());
            try (SimulatedFleet fleet = new SimulatedFleet(service.mqttUrl(), secrets, WINDOW)) {
                fleet.connect();
                List<Sample> samples = new ArrayList<>();
                long started = System.nanoTime();
                fleet.tick(Duration.ofMillis(INTERVAL_MS));
                phase("1 full speed", service, fleet, started, samples);
                SlowDatabase.slowDown(service.db, Duration.ofMillis(SLOW_MS));
                phase("2 slowed", service, fleet, started, samples);
                SlowDatabase.recover(service.db);
                phase("3 recovered", service, fleet, started, samples);
                fleet.stopTicking();
                long drainStarted = System.nanoTime();
                while (service.storedMessages() < fleet.sent() + fleet.heldAtDevices()
                        && System.nanoTime() - drainStarted < Duration.ofMinutes(5).toNanos()) {
                    samples.add(sample("4 drain", service, fleet, started));
                    Thread.sleep(1000);
                }
                samples.add(sample("4 drain", service, fleet, started));
                double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;
                print(samples);
                long stored = service.storedMessages();
                long distinct = service.number("SELECT count(DISTINCT (device_id, seq)) FROM count_message");
                // Devices send their seqs in order from 1: a device with a gap lost a message.
                long withGaps = service.number("SELECT count(*) FROM (SELECT device_id FROM count_message "
                        + "GROUP BY device_id HAVING count(*) <> max(seq) OR min(seq) <> 1) gaps");
                System.out.printf("%nafter the drain (%.0f s): sent %,d, stored %,d (%,d distinct), nothing held at "
                                + "devices: %s, devices with a gap in their seqs: %d%n", drainSeconds, fleet.sent(),
                        stored, distinct, fleet.heldAtDevices() == 0, withGaps);
                status = stored == fleet.sent() && distinct == stored && withGaps == 0 ? 0 : 1;
                System.out.println(status == 0 ? "every message sent was stored once"
                        : "MISMATCH: not every message sent was stored once");
                Files.createDirectories(out);
                writeCsv(out.resolve("backpressure.csv"), samples);
                chart(out.resolve("backpressure.png"), samples);
                System.out.printf("CSV and chart: %s, %s%n", out.resolve("backpressure.csv"),
                        out.resolve("backpressure.png"));
            }
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void phase(String name, ServiceUnderLoad service, SimulatedFleet fleet, long started,
                              List<Sample> samples) throws Exception {
        System.out.printf("phase %s ...%n", name);
        long end = System.nanoTime() + PHASE_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < end) {
            Thread.sleep(1000);
            samples.add(sample(name, service, fleet, started));
        }
    }

    private static Sample sample(String phase, ServiceUnderLoad service, SimulatedFleet fleet, long started)
            throws Exception {
        ServiceUnderLoad.Metrics metrics = service.metrics();
        return new Sample(phase, (System.nanoTime() - started) / 1e9, fleet.sent(), fleet.acknowledged(),
                service.storedMessages(), fleet.inFlight(), fleet.heldAtDevices(), metrics.queueDepth(),
                metrics.heapUsed(), service.residentBytes(), fleet.connectionsLost(), fleet.drainLatenciesMs());
    }

    private static void print(List<Sample> samples) {
        System.out.printf("%n%-12s %8s %8s %8s %8s %10s %10s %8s %10s %10s %9s %9s %7s%n", "phase", "offered/s",
                "sent/s", "acked/s", "stored/s", "PUBACK p50", "PUBACK p99", "queue", "in flight", "at devices",
                "heap MiB", "RSS MiB", "closed");
        Sample before = null;
        for (String phase : samples.stream().map(Sample::phase).distinct().toList()) {
            List<Sample> in = samples.stream().filter(s -> s.phase().equals(phase)).toList();
            Sample first = before == null ? in.get(0) : before;
            Sample last = in.get(in.size() - 1);
            double seconds = Math.max(1e-9, last.seconds() - first.seconds());
            Percentiles puback = Percentiles.of(in.stream().flatMapToDouble(s -> Arrays.stream(s.pubackMs()))
                    .toArray());
            System.out.printf("%-12s %8s %8.0f %8.0f %8.0f %8.0f ms %8.0f ms %8d %10d %10d %9.0f %9.0f %7d%n", phase,
                    phase.startsWith("4") ? "0" : String.format("%,.0f", DEVICES * 1000.0 / INTERVAL_MS),
                    (last.sent() - first.sent()) / seconds, (last.acknowledged() - first.acknowledged()) / seconds,
                    (last.stored() - first.stored()) / seconds, puback.at(50), puback.at(99),
                    in.stream().mapToLong(Sample::writerQueue).max().orElse(0),
                    in.stream().mapToLong(Sample::inFlight).max().orElse(0),
                    in.stream().mapToLong(Sample::heldAtDevices).max().orElse(0),
                    in.stream().mapToLong(Sample::heapUsed).max().orElse(0) / MIB,
                    in.stream().mapToLong(Sample::rss).max().orElse(0) / MIB,
                    last.connectionsLost() - first.connectionsLost());
            before = last;
        }
        System.out.println("(queue, in flight, at devices, heap and RSS: the phase's maximum; closed: connections the "
                + "broker closed because the intake could not take a message)");
    }

    private static void writeCsv(Path file, List<Sample> samples) throws Exception {
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(file))) {
            csv.println("phase,seconds,sent,acknowledged,stored,in_flight,held_at_devices,writer_queue,heap_used_mib,"
                    + "rss_mib,connections_closed,puback_p50_ms,puback_p99_ms");
            for (Sample s : samples) {
                Percentiles puback = Percentiles.of(s.pubackMs());
                csv.printf(java.util.Locale.ROOT, "%s,%.1f,%d,%d,%d,%d,%d,%d,%.1f,%.1f,%d,%.1f,%.1f%n", s.phase(),
                        s.seconds(), s.sent(), s.acknowledged(), s.stored(), s.inFlight(), s.heldAtDevices(),
                        s.writerQueue(), s.heapUsed() / MIB, s.rss() / MIB, s.connectionsLost(), puback.at(50),
                        puback.at(99));
            }
        }
    }

    private static void chart(Path file, List<Sample> samples) throws Exception {
        double[] minutes = samples.stream().mapToDouble(s -> s.seconds() / 60).toArray();
        double[] acked = new double[samples.size()];
        double[] stored = new double[samples.size()];
        for (int i = 1; i < samples.size(); i++) {
            double dt = Math.max(1e-9, samples.get(i).seconds() - samples.get(i - 1).seconds());
            acked[i] = (samples.get(i).acknowledged() - samples.get(i - 1).acknowledged()) / dt;
            stored[i] = (samples.get(i).stored() - samples.get(i - 1).stored()) / dt;
        }
        acked[0] = Double.NaN;
        stored[0] = Double.NaN;
        double[] p50 = samples.stream().mapToDouble(s -> Percentiles.of(s.pubackMs()).at(50)).toArray();
        TimeChart.write(file, String.format("RoadPulse backpressure: %,d devices, database slowed by %d ms/message "
                + "in phase 2", DEVICES, SLOW_MS), minutes, List.of(
                new TimeChart.Panel("Acknowledged and stored messages per second", List.of(
                        new TimeChart.Series("acked/s", new Color(40, 100, 200), acked),
                        new TimeChart.Series("stored/s", new Color(40, 160, 80), stored))),
                new TimeChart.Panel("Publish -> PUBACK, median of each second (ms)", List.of(
                        new TimeChart.Series("p50", new Color(200, 60, 40), p50))),
                new TimeChart.Panel("Waiting messages", List.of(
                        new TimeChart.Series("at devices", new Color(120, 60, 160),
                                samples.stream().mapToDouble(Sample::heldAtDevices).toArray()),
                        new TimeChart.Series("in flight", new Color(230, 140, 20),
                                samples.stream().mapToDouble(Sample::inFlight).toArray()),
                        new TimeChart.Series("writer queue", new Color(40, 100, 200),
                                samples.stream().mapToDouble(Sample::writerQueue).toArray())))));
    }
}
