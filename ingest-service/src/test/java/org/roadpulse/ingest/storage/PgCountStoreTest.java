package org.roadpulse.ingest.storage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.devices.PgDeviceRegistry;
import org.roadpulse.ingest.intake.AcceptedCounts;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestIntervals;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.LaneInterval;
import org.roadpulse.protocol.VehicleClass;

import java.sql.Array;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotent, partitioned storage of count messages in a real PostgreSQL, through the batch writer. */
class PgCountStoreTest {

    private static final String DEVICE = "store-test-1";
    private static TestDatabase db;
    private static BatchWriter writer;

    @BeforeAll
    static void start() throws Exception {
        db = TestPostgres.freshDatabase();
        new PgDeviceRegistry(db.dataSource()).provision(DEVICE, "10045111", "Bexbach – Teststraße", null);
        PgCountStore store = new PgCountStore(db.dataSource(),
                new MonthlyPartitions(db.dataSource(), Clock.systemUTC()));
        writer = new BatchWriter(store, new IngestSettings.Writer(100, 200, 1000), new SimpleMeterRegistry());
    }

    @AfterAll
    static void stop() {
        writer.close();
        db.close();
    }

    @Test
    void replayedMessageIsStoredOnceAndReportedDuplicate() throws Exception {
        // GIVEN a stored message
        CountInterval interval = TestIntervals.recent(DEVICE, 1001, Instant.now());
        assertThat(store(interval)).isEqualTo(new IntakeResult.Stored(DEVICE, 1001, false));

        // WHEN the device sends it again (it missed the acknowledgement)
        IntakeResult replay = store(interval);

        // THEN it is acknowledged as a duplicate and nothing is stored twice
        assertThat(replay).isEqualTo(new IntakeResult.Stored(DEVICE, 1001, true));
        assertThat(db.number("SELECT count(*) FROM count_message WHERE device_id = ? AND seq = 1001", DEVICE))
                .isEqualTo(1);
        assertThat(db.number("SELECT count(*) FROM count_record WHERE device_id = ? AND seq = 1001", DEVICE))
                .isEqualTo(interval.lanes().size());
    }

    @Test
    void copiesInsideOneBatchAreStoredOnce() throws Exception {
        // GIVEN three deliveries of one message that reach the writer within one batch window
        CountInterval interval = TestIntervals.recent(DEVICE, 2001, Instant.now());
        List<CompletableFuture<IntakeResult>> results = List.of(write(interval), write(interval), write(interval));

        // WHEN the batch is written
        List<IntakeResult> outcomes = results.stream().map(CompletableFuture::join).toList();

        // THEN exactly one is new, the rest duplicates, and the rows exist once
        assertThat(outcomes).filteredOn(r -> !((IntakeResult.Stored) r).duplicate()).hasSize(1);
        assertThat(outcomes).filteredOn(r -> ((IntakeResult.Stored) r).duplicate()).hasSize(2);
        assertThat(db.number("SELECT count(*) FROM count_record WHERE device_id = ? AND seq = 2001", DEVICE))
                .isEqualTo(interval.lanes().size());
    }

    @Test
    void lateDataMonthsOldLandsInItsOwnNewPartition() throws Exception {
        // GIVEN a device that was offline for eight months and sends an interval of back then
        YearMonth then = YearMonth.now(ZoneOffset.UTC).minusMonths(8);
        String partition = MonthlyPartitions.partitionName(then);
        assertThat(db.value("SELECT to_regclass(?)::text", partition)).isNull();
        Instant start = then.atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant();

        // WHEN it is stored
        IntakeResult result = store(TestIntervals.interval(DEVICE, 3001, start));

        // THEN its month got a partition, and the rows are in it (not in the default partition)
        assertThat(result).isEqualTo(new IntakeResult.Stored(DEVICE, 3001, false));
        assertThat(db.rows("SELECT DISTINCT tableoid::regclass::text FROM count_record WHERE seq = 3001"))
                .containsExactly(List.of(partition));
    }

    @Test
    void rowsOfAMonthInTheDefaultPartitionMoveIntoItsNewPartition() throws Exception {
        // GIVEN a row written by other means into a month that has no partition yet (it lands in the default one)
        YearMonth month = YearMonth.of(2019, 3);
        db.execute("INSERT INTO count_record (device_id, seq, interval_start, length_s, lane, direction, scheme,"
                + " total, heavy) VALUES (?, 0, '2019-03-05T10:00:00Z', 300, 1, 'forward', '2+1', 5, 1)", DEVICE);
        assertThat(db.number("SELECT count(*) FROM count_record_default")).isEqualTo(1);

        // WHEN the writer stores an interval of that month
        store(TestIntervals.interval(DEVICE, 4001, Instant.parse("2019-03-20T08:00:00Z")));

        // THEN the month has its partition holding both rows, and the default partition is empty again
        String partition = MonthlyPartitions.partitionName(month);
        assertThat(db.number("SELECT count(*) FROM " + partition)).isEqualTo(3);
        assertThat(db.number("SELECT count(*) FROM count_record_default")).isZero();
    }

    @Test
    void storesWhatWasMeasuredAndNothingFiner() throws Exception {
        // GIVEN a 5+1 device that counted no buses in this interval
        LaneInterval lane = new LaneInterval(2, Direction.BACKWARD, Map.of(VehicleClass.PKW_GRUPPE, 120,
                VehicleClass.LKW, 7, VehicleClass.LKW_A_SATTEL_KFZ, 4, VehicleClass.NK_KFZ, 1),
                63.25, 71.0, null, 0.2);
        CountInterval interval = new CountInterval(DEVICE, 5001, Instant.parse("2026-01-07T06:15:00Z"), 900,
                "2.0.0", ClassScheme.TLS_5_1, List.of(lane));

        // WHEN it is stored
        store(interval);

        // THEN its group columns hold the counts (absent classes of the scheme 0), finer classes stay NULL
        List<Object> row = db.rows("SELECT pkw_gruppe, lkw, lkw_a_sattel_kfz, bus, nk_kfz, pkw_a, pkw, krad, lkw_a,"
                + " pkw_aehnlich, total, heavy, lane, direction, scheme, length_s, mean_speed, v85, occupancy,"
                + " speed_hist FROM count_record WHERE seq = 5001").get(0);
        assertThat(row.subList(0, 6)).containsExactly(120, 7, 4, 0, 1, 0);
        assertThat(row.subList(6, 10)).containsOnlyNulls();
        assertThat(row.subList(10, 16)).containsExactly(132, 11, 2, "backward", "5+1", 900);
        assertThat(row.subList(16, 19)).containsExactly(63.25f, 71.0f, 0.2f);
        assertThat(row.get(19)).isNull();
    }

    @Test
    void keepsTheSpeedHistogramWithItsBinWidth() throws Exception {
        // GIVEN an interval whose first lane has a speed histogram
        CountInterval interval = TestIntervals.recent(DEVICE, 6001, Instant.now());

        // WHEN it is stored
        store(interval);

        // THEN the histogram and its bin width are kept
        List<Object> row = db.rows("SELECT speed_bin_kmh, speed_hist FROM count_record WHERE seq = 6001"
                + " AND direction = 'forward'").get(0);
        assertThat(row.get(0)).isEqualTo(10);
        assertThat((Object[]) ((Array) row.get(1)).getArray()).containsExactly(0, 0, 2, 9, 25, 12, 3);
    }

    @Test
    void keepsEachDevicesStoredIntervalCountAndNewestInterval() throws Exception {
        // GIVEN a second device
        String device = "store-test-2";
        new PgDeviceRegistry(db.dataSource()).provision(device, "10046118", "Tholey – Teststraße", null);

        // WHEN it stores three intervals, one of them twice
        Instant newest = Instant.parse("2026-02-01T10:00:00Z");
        store(TestIntervals.interval(device, 1, newest.minusSeconds(600)));
        store(TestIntervals.interval(device, 3, newest));
        store(TestIntervals.interval(device, 2, newest.minusSeconds(300)));
        store(TestIntervals.interval(device, 3, newest));

        // THEN its summary counts three and knows the newest
        List<Object> summary = db.rows("SELECT stored_intervals, extract(epoch FROM last_interval_start)::bigint"
                + " FROM device_activity WHERE device_id = ?", device).get(0);
        assertThat(summary).containsExactly(3L, newest.getEpochSecond());
    }

    private static CompletableFuture<IntakeResult> write(CountInterval interval) {
        return writer.write(new AcceptedCounts(interval, Transport.MQTT, Instant.now()));
    }

    private static IntakeResult store(CountInterval interval) throws Exception {
        return write(interval).get(10, TimeUnit.SECONDS);
    }
}
