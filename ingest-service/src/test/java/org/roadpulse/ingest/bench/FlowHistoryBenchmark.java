package org.roadpulse.ingest.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.flow.Bucket;
import org.roadpulse.ingest.flow.ClassGroup;
import org.roadpulse.ingest.flow.FigureDetail;
import org.roadpulse.ingest.flow.FlowQuery;
import org.roadpulse.ingest.flow.Period;
import org.roadpulse.ingest.flow.Split;
import org.roadpulse.ingest.flow.StandardFigures;
import org.roadpulse.ingest.intake.AcceptedCounts;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.ingest.storage.BatchWriter;
import org.roadpulse.ingest.storage.MonthlyPartitions;
import org.roadpulse.ingest.storage.PgCountStore;
import org.roadpulse.ingest.storage.PgFlowHistory;
import org.roadpulse.ingest.storage.PgSchema;
import org.roadpulse.ingest.storage.Rollups;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Flow-history benchmark (issue #3): loads {@code bench.sites} sites × {@code bench.days} days of 15-minute intervals
 * in two directions through the writer (200 × 365 ≈ 14 M records), lets the rollups catch up, then times three
 * planners' questions against the rollups and, in the same run, the same questions computed from the raw rows.
 * Run with {@code ./bench/flow.sh}.
 */
public final class FlowHistoryBenchmark {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate YEAR = LocalDate.of(2025, 1, 1);

    public static void main(String[] args) throws Exception {
        int sites = Integer.getInteger("bench.sites", 200);
        int days = Integer.getInteger("bench.days", 365);
        int runs = Integer.getInteger("bench.runs", 30);
        System.out.printf("Flow-history benchmark: %d sites x %d days x 96 intervals x 2 directions = %,d records%n",
                sites, days, (long) sites * days * 96 * 2);
        // bench.data keeps the loaded database for the next run (which then skips the load): for trying changes.
        String keep = System.getProperty("bench.data", "");
        Path dataDir = keep.isBlank() ? Files.createTempDirectory("roadpulse-flow-bench") : Path.of(keep);
        boolean loaded = Files.exists(dataDir.resolve("PG_VERSION"));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(keep.isBlank())
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "4GB")
                .start();
             HikariDataSource dataSource = pool(postgres)) {
            PgSchema.migrate(dataSource);
            List<MeasurementSite> siteList = BenchmarkSites.create(sites);
            if (loaded) {
                System.out.println("Reusing the database loaded before in " + dataDir);
            } else {
                load(dataSource, siteList, days);
            }

            Period year = Period.ofDays(YEAR, YEAR.plusDays(days), BERLIN);
            Period month = Period.ofDays(YEAR.plusMonths(5), YEAR.plusMonths(6), BERLIN);
            PgFlowHistory history = new PgFlowHistory(dataSource);
            RawBaseline raw = new RawBaseline(dataSource, BERLIN);
            Random random = new Random(7);
            Supplier<MeasurementSite> anySite = () -> siteList.get(random.nextInt(siteList.size()));

            System.out.printf("%nQueries (p50 / p95 in ms of %d runs after 50 warm-ups, all sites %d after 10; the raw baseline in the"
                    + " same run):%n", runs, Math.max(5, runs / 3));
            System.out.printf("  %-44s %18s %18s %9s %s%n", "", "rollups", "raw rows", "speed-up", "target");
            compare("one site's year figures (DTV, MSV, SV share)", runs, () -> {
                StandardFigures f = history.figures(List.of(anySite.get()), year, Split.CROSS_SECTION,
                        FigureDetail.ALL).get(0);
                return f.dtv();
            }, () -> raw.yearFigures(anySite.get().devices().get(0), year), 50);
            compare("one site's hourly volumes for a month", runs, () -> history.volumes(new FlowQuery(
                    List.of(anySite.get()), month, Bucket.HOUR, Split.CROSS_SECTION, ClassGroup.TLS_8_1)).size(),
                    () -> raw.hourlyVolumes(anySite.get().devices().get(0), month), 0);
            compare("all " + sites + " sites' DTV for the year", Math.max(5, runs / 3),
                    () -> history.figures(siteList, year, Split.CROSS_SECTION, FigureDetail.MEANS).size(),
                    () -> raw.allDtv(year), 1000);
        }
    }

    private static void load(HikariDataSource dataSource, List<MeasurementSite> sites, int days) throws Exception {
        MonthlyPartitions partitions = new MonthlyPartitions(dataSource, Clock.systemUTC());
        Rollups rollups = new Rollups(dataSource, BERLIN, Duration.ofSeconds(1), new SimpleMeterRegistry());
        long messages = (long) sites.size() * days * 96;
        BenchmarkCounts counts = new BenchmarkCounts(sites, YEAR, days, BERLIN);
        Progress progress = new Progress("loading through the writer", messages);
        long started = System.nanoTime();
        try (BatchWriter writer = new BatchWriter(new PgCountStore(dataSource, partitions),
                new IngestSettings.Writer(1000, 20, 40_000, 2), new SimpleMeterRegistry())) {
            Deque<CompletableFuture<IntakeResult>> inFlight = new ArrayDeque<>();
            for (long i = 0; i < messages; i++) {
                AcceptedCounts message = new AcceptedCounts(counts.next(), Transport.HTTP, java.time.Instant.now());
                inFlight.add(writeUntilTaken(writer, message));
                while (inFlight.size() > 20_000) {
                    settle(writer, inFlight.poll(), message);
                }
                progress.step(i + 1);
            }
            while (!inFlight.isEmpty()) {
                settle(writer, inFlight.poll(), null);
            }
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        progress.done();
        System.out.printf("Loaded %,d messages (%,d records) in %.0f s: %,.0f records/s, rollups refreshed meanwhile%n",
                messages, messages * 2, loadSeconds, messages * 2 / loadSeconds);
        rollups.close();
        long backlog = rollups.backlog();
        long refreshStarted = System.nanoTime();
        int hours = rollups.refreshNow();
        System.out.printf("Rollup backlog after the load: %,d device hours, caught up in %.1f s (%,d recomputed)%n",
                backlog, (System.nanoTime() - refreshStarted) / 1e9, hours);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
    }

    private static CompletableFuture<IntakeResult> writeUntilTaken(BatchWriter writer, AcceptedCounts message)
            throws InterruptedException {
        while (true) {
            CompletableFuture<IntakeResult> result = writer.write(message);
            if (!(result.isDone() && result.join() instanceof IntakeResult.Unavailable)) {
                return result;
            }
            Thread.sleep(5); // the queue is full: wait as a device would
        }
    }

    private static void settle(BatchWriter writer, CompletableFuture<IntakeResult> pending, AcceptedCounts unused) {
        IntakeResult result = pending.join();
        if (!(result instanceof IntakeResult.Stored)) {
            throw new IllegalStateException("a benchmark message was not stored: " + result);
        }
    }

    private interface Query {
        Object run() throws Exception;
    }

    private static void compare(String name, int runs, Query rollup, Query raw, double targetMs) throws Exception {
        // A running service answers with compiled code: let the JIT see the query first.
        int warmUps = runs >= 20 ? 50 : 10;
        Percentiles ours = time(rollup, warmUps, runs);
        Percentiles baseline = time(raw, warmUps, runs);
        double speedUp = baseline.at(50) / ours.at(50);
        String target = targetMs > 0 ? String.format("p95 <= %.0f ms %s, >= 20x %s", targetMs,
                ours.at(95) <= targetMs ? "met" : "MISSED", speedUp >= 20 ? "met" : "MISSED") : "";
        System.out.printf("  %-44s %8.1f / %7.1f %8.1f / %7.1f %8.1fx  %s%n", name, ours.at(50), ours.at(95),
                baseline.at(50), baseline.at(95), speedUp, target);
    }

    private static Percentiles time(Query query, int warmUps, int runs) throws Exception {
        for (int i = 0; i < warmUps; i++) {
            query.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            query.run();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        return Percentiles.of(millis);
    }

    private static HikariDataSource pool(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(6);
        return new HikariDataSource(config);
    }

    /** The same questions answered from count_record alone, as a system without rollups would. */
    private record RawBaseline(HikariDataSource dataSource, ZoneId zone) {

        private static final String YEAR_FIGURES = """
                WITH hours AS (
                    SELECT date_bin('1 hour', interval_start, timestamptz '2000-01-01 00:00:00+00') AS hour,
                           sum(total) AS total, sum(heavy) AS heavy
                    FROM count_record WHERE device_id = ? AND interval_start >= ? AND interval_start < ?
                    GROUP BY 1
                ), days AS (
                    SELECT (hour AT TIME ZONE ?)::date AS day, sum(total) AS total, sum(heavy) AS heavy
                    FROM hours GROUP BY 1
                )
                SELECT (SELECT avg(total) FROM days),
                       (SELECT 100.0 * sum(heavy) / sum(total) FROM days),
                       (SELECT total FROM hours ORDER BY total DESC OFFSET 29 LIMIT 1)""";
        private static final String HOURLY = """
                SELECT date_bin('1 hour', interval_start, timestamptz '2000-01-01 00:00:00+00'), direction,
                       sum(krad), sum(pkw), sum(lfw), sum(pkw_a), sum(lkw), sum(lkw_a), sum(sattel_kfz), sum(bus),
                       sum(nk_kfz), sum(total), sum(heavy)
                FROM count_record WHERE device_id = ? AND interval_start >= ? AND interval_start < ?
                GROUP BY 1, 2""";
        private static final String ALL_DTV = """
                SELECT device_id, avg(total) FROM (
                    SELECT device_id, (interval_start AT TIME ZONE ?)::date, sum(total) AS total
                    FROM count_record WHERE interval_start >= ? AND interval_start < ?
                    GROUP BY 1, 2) days
                GROUP BY 1""";

        Object yearFigures(String device, Period period) throws Exception {
            return rows(YEAR_FIGURES, device, Timestamp.from(period.from()), Timestamp.from(period.to()),
                    zone.getId());
        }

        Object hourlyVolumes(String device, Period period) throws Exception {
            return rows(HOURLY, device, Timestamp.from(period.from()), Timestamp.from(period.to()));
        }

        Object allDtv(Period period) throws Exception {
            return rows(ALL_DTV, zone.getId(), Timestamp.from(period.from()), Timestamp.from(period.to()));
        }

        private int rows(String sql, Object... parameters) throws Exception {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                // Planned afresh with its parameters every time: after five runs PostgreSQL would otherwise switch
                // to a generic plan, which takes twice as long over the partitions and would flatter the rollups.
                statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                int rows = 0;
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows++;
                    }
                }
                return rows;
            }
        }
    }
}
