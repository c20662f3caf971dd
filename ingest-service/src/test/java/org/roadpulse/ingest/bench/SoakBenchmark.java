package org.roadpulse.ingest.bench;

import org.roadpulse.ingest.testing.SimulatedFleet;

import java.awt.Color;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Soak (issue #8): {@code bench.devices} simulated devices (real Paho MQTT clients, QoS 1) each send one interval
 * every {@code bench.interval-ms} for {@code bench.minutes} to the service running as a process of its own (embedded
 * broker, PostgreSQL with durable settings). Every {@code bench.sample-seconds} it samples the service's heap (used,
 * and live after the last full collection), its RSS, the backlog (sent minus stored) and the writer queue, and at the
 * end writes them as {@code soak.csv} and {@code soak.png} to {@code bench.out}, and prints the figures, with the CPU
 * time the service and PostgreSQL used for them. Run with {@code bench/soak.sh}.
 */
public final class SoakBenchmark {

    private static final int DEVICES = Integer.getInteger("bench.devices", 1000);
    private static final double MINUTES = Double.parseDouble(System.getProperty("bench.minutes", "10"));
    private static final int INTERVAL_MS = Integer.getInteger("bench.interval-ms", 1000);
    private static final int SAMPLE_SECONDS = Integer.getInteger("bench.sample-seconds", 5);
    private static final String HEAP = System.getProperty("bench.heap", "512m");
    private static final int WINDOW = 10;
    private static final double MIB = 1024 * 1024;

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "ingest-service/target/soak"));
        Path data = Files.createTempDirectory("roadpulse-soak");
        System.out.printf("RoadPulse soak: %,d devices x 1 message every %,d ms for %.1f min; service -Xmx%s; "
                        + "%d cores, load average %s; data in %s%n", DEVICES, INTERVAL_MS, MINUTES, HEAP,
                Runtime.getRuntime().availableProcessors(), loadAverage(), data);
        int status = 0;
        try (ServiceUnderLoad service = ServiceUnderLoad.database(data)) {
            Map<String, String> secrets = service.register("soak", DEVICES);
            service.startService(HEAP, Map.of());
            Map<String, Long> tablesBefore = service.tableBytes();
            try (SimulatedFleet fleet = new SimulatedFleet(service.mqttUrl(), secrets, WINDOW)) {
                long connecting = System.nanoTime();
                fleet.connect();
                System.out.printf("%,d devices connected in %.1f s%n", DEVICES, (System.nanoTime() - connecting) / 1e9);
                List<Sample> samples = run(service, fleet);
                Files.createDirectories(out);
                writeCsv(out.resolve("soak.csv"), samples);
                chart(out.resolve("soak.png"), samples);
                print(samples, fleet);
                printStorage(service, tablesBefore);
                System.out.printf("%nCSV and chart: %s, %s%n", out.resolve("soak.csv"), out.resolve("soak.png"));
                status = samples.get(samples.size() - 1).backlog() == 0 ? 0 : 1;
            }
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /** One look at the service, {@code seconds} after the devices began. */
    record Sample(double seconds, long sent, long acknowledged, long stored, long heldAtDevices, long writerQueue,
                  long heapUsed, long heapCommitted, long liveAfterGc, long rss, double serviceCpu, double postgresCpu,
                  double pubackP50, double pubackP99) {

        long backlog() {
            return sent - stored;
        }
    }

    private static List<Sample> run(ServiceUnderLoad service, SimulatedFleet fleet) throws Exception {
        List<Sample> samples = new ArrayList<>();
        long started = System.nanoTime();
        samples.add(sample(service, fleet, started));
        fleet.tick(Duration.ofMillis(INTERVAL_MS));
        long end = started + (long) (MINUTES * 60e9);
        long next = started;
        while (System.nanoTime() < end) {
            next += SAMPLE_SECONDS * 1_000_000_000L;
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            Sample sample = sample(service, fleet, started);
            samples.add(sample);
            System.out.printf("\r  %5.1f min: sent %,d stored %,d backlog %,d queue %,d heap %.0f MiB RSS %.0f MiB   ",
                    sample.seconds() / 60, sample.sent(), sample.stored(), sample.backlog(), sample.writerQueue(),
                    sample.heapUsed() / MIB, sample.rss() / MIB);
        }
        fleet.stopTicking();
        // Drain: what is still on its way must arrive, or the backlog grew.
        long drainEnd = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (samples.get(samples.size() - 1).backlog() > 0 && System.nanoTime() < drainEnd) {
            Thread.sleep(1000);
            samples.add(sample(service, fleet, started));
        }
        System.out.println();
        return samples;
    }

    private static Sample sample(ServiceUnderLoad service, SimulatedFleet fleet, long started) throws Exception {
        ServiceUnderLoad.Metrics metrics = service.metrics();
        Percentiles puback = Percentiles.of(fleet.drainLatenciesMs());
        long stored = service.storedMessages();
        long sent = fleet.sent(); // after the stored count, so the backlog is never understated
        return new Sample((System.nanoTime() - started) / 1e9, sent, fleet.acknowledged(), stored,
                fleet.heldAtDevices(), metrics.queueDepth(), metrics.heapUsed(), metrics.heapCommitted(),
                metrics.liveAfterGc(),
                service.residentBytes(), service.serviceCpuSeconds(), service.postgresCpuSeconds(), puback.at(50),
                puback.at(99));
    }

    private static void print(List<Sample> samples, SimulatedFleet fleet) {
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        List<Sample> during = samples.stream().filter(s -> s.seconds() <= MINUTES * 60 + 1).toList();
        Sample endOfLoad = during.get(during.size() - 1);
        double seconds = endOfLoad.seconds() - first.seconds();
        long storedDuring = endOfLoad.stored() - first.stored();
        double offered = DEVICES * 1000.0 / INTERVAL_MS;
        double serviceCpu = last.serviceCpu() - first.serviceCpu();
        double postgresCpu = last.postgresCpu() - first.postgresCpu();
        long stored = last.stored() - first.stored();
        System.out.printf("%nmessages sent %,d, stored %,d (each once: stored = distinct (device, seq)), "
                + "connections closed by the broker %,d%n", last.sent(), stored, fleet.connectionsLost());
        System.out.printf("stored rate during the load: %,.0f messages/s (offered %,.0f/s = the baseline)%n",
                storedDuring / seconds, offered);
        System.out.printf("heap used (MiB):                min %.0f, median %.0f, max %.0f%n",
                min(during, Sample::heapUsed) / MIB, median(during, Sample::heapUsed) / MIB,
                max(during, Sample::heapUsed) / MIB);
        System.out.printf("heap committed (MiB):           start %.0f, max %.0f, end %.0f%n",
                first.heapCommitted() / MIB, max(during, Sample::heapCommitted) / MIB,
                endOfLoad.heapCommitted() / MIB);
        System.out.printf("heap live after GC (MiB):       first %.0f, max %.0f, end %.0f%n",
                first.liveAfterGc() / MIB, max(during, Sample::liveAfterGc) / MIB, endOfLoad.liveAfterGc() / MIB);
        System.out.printf("service RSS (MiB):              start %.0f, max %.0f, end %.0f%n", first.rss() / MIB,
                max(during, Sample::rss) / MIB, endOfLoad.rss() / MIB);
        System.out.printf("backlog (sent - stored):        max %,d, at the end of the load %,d, after draining %,d%n",
                (long) max(during, Sample::backlog), endOfLoad.backlog(), last.backlog());
        System.out.printf("writer queue:                   max %,d%n", (long) max(during, Sample::writerQueue));
        double[] p50 = during.stream().skip(1).mapToDouble(Sample::pubackP50).toArray();
        double[] p99 = during.stream().skip(1).mapToDouble(Sample::pubackP99).toArray();
        System.out.printf("publish -> PUBACK (= committed): median of the %ds p50s %.0f ms, worst p99 %.0f ms%n",
                SAMPLE_SECONDS, Percentiles.of(p50).at(50), Percentiles.of(p99).at(100));
        System.out.printf("CPU: service %.0f s, PostgreSQL %.0f s over %.0f s = %.2f + %.2f cores; "
                        + "%,.0f messages per CPU-second (service and PostgreSQL together); load average now %s%n",
                serviceCpu, postgresCpu, last.seconds(), serviceCpu / last.seconds(), postgresCpu / last.seconds(),
                stored / (serviceCpu + postgresCpu), loadAverage());
    }

    /** Disk per stored message: what the load added to each table, divided by the messages stored. */
    private static void printStorage(ServiceUnderLoad service, Map<String, Long> before) throws Exception {
        long messages = service.storedMessages();
        long records = service.number("SELECT count(*) FROM count_record");
        StringBuilder line = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> table : service.tableBytes().entrySet()) {
            long added = table.getValue() - before.getOrDefault(table.getKey(), 0L);
            total += added;
            if (added > 64 * 1024) {
                line.append(String.format(", %s %.0f", table.getKey(), (double) added / messages));
            }
        }
        System.out.printf("disk per stored message (%,d messages, %,d lane records; tables with indexes): "
                        + "%.0f bytes%s%n",
                messages, records, (double) total / messages, line);
    }

    private static void writeCsv(Path file, List<Sample> samples) throws Exception {
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(file))) {
            csv.println("seconds,sent,acknowledged,stored,backlog,held_at_devices,writer_queue,heap_used_mib,"
                    + "heap_committed_mib,heap_live_after_gc_mib,rss_mib,service_cpu_s,postgres_cpu_s,"
                    + "puback_p50_ms,puback_p99_ms");
            for (Sample s : samples) {
                csv.printf(java.util.Locale.ROOT, "%.1f,%d,%d,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f%n",
                        s.seconds(), s.sent(), s.acknowledged(), s.stored(), s.backlog(), s.heldAtDevices(),
                        s.writerQueue(), s.heapUsed() / MIB, s.heapCommitted() / MIB, s.liveAfterGc() / MIB,
                        s.rss() / MIB, s.serviceCpu(),
                        s.postgresCpu(), s.pubackP50(), s.pubackP99());
            }
        }
    }

    private static void chart(Path file, List<Sample> samples) throws Exception {
        double[] minutes = samples.stream().mapToDouble(s -> s.seconds() / 60).toArray();
        double[] storedRate = new double[samples.size()];
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1);
            Sample b = samples.get(i);
            storedRate[i] = (b.stored() - a.stored()) / Math.max(1e-9, b.seconds() - a.seconds());
        }
        storedRate[0] = Double.NaN;
        TimeChart.write(file, String.format("RoadPulse soak: %,d devices x 1 msg / %,d ms, %s, %s",
                        DEVICES, INTERVAL_MS, "service -Xmx" + HEAP, Instant.now().toString().substring(0, 10)),
                minutes, List.of(
                new TimeChart.Panel("Service memory (MiB)", List.of(
                        new TimeChart.Series("RSS", new Color(200, 60, 40), mib(samples, Sample::rss)),
                        new TimeChart.Series("heap committed", new Color(150, 150, 150),
                                mib(samples, Sample::heapCommitted)),
                        new TimeChart.Series("heap used", new Color(40, 100, 200), mib(samples, Sample::heapUsed)),
                        new TimeChart.Series("heap live after GC", new Color(40, 160, 80),
                                mib(samples, Sample::liveAfterGc)))),
                new TimeChart.Panel("Backlog (messages sent, not yet stored)", List.of(
                        new TimeChart.Series("sent - stored", new Color(120, 60, 160),
                                values(samples, Sample::backlog)),
                        new TimeChart.Series("writer queue", new Color(230, 140, 20),
                                values(samples, Sample::writerQueue)))),
                new TimeChart.Panel("Stored messages per second", List.of(
                        new TimeChart.Series("stored/s", new Color(40, 100, 200), storedRate)))));
    }

    private static double[] mib(List<Sample> samples, java.util.function.ToLongFunction<Sample> value) {
        return samples.stream().mapToDouble(s -> value.applyAsLong(s) / MIB).toArray();
    }

    private static double[] values(List<Sample> samples, java.util.function.ToLongFunction<Sample> value) {
        return samples.stream().mapToDouble(value::applyAsLong).toArray();
    }

    private static double min(List<Sample> samples, java.util.function.ToLongFunction<Sample> value) {
        return samples.stream().mapToLong(value).min().orElse(0);
    }

    private static double max(List<Sample> samples, java.util.function.ToLongFunction<Sample> value) {
        return samples.stream().mapToLong(value).max().orElse(0);
    }

    private static double median(List<Sample> samples, java.util.function.ToLongFunction<Sample> value) {
        long[] sorted = samples.stream().mapToLong(value).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.join(" ", Arrays.copyOf(fields, 3));
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
