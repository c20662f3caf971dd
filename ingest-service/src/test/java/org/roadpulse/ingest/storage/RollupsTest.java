package org.roadpulse.ingest.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.testing.FlowFixture;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.LaneInterval;

import java.sql.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadpulse.ingest.testing.FlowFixture.hours;
import static org.roadpulse.ingest.testing.FlowFixture.interval;
import static org.roadpulse.protocol.VehicleClass.LKW;
import static org.roadpulse.protocol.VehicleClass.PKW;

/** The hourly and daily rollups follow the stored counts: measured time, late data, idempotence, DST days. */
class RollupsTest {

    private static FlowFixture flow;

    @BeforeAll
    static void database() {
        flow = new FlowFixture(TestPostgres.freshDatabase());
    }

    @AfterAll
    static void close() {
        flow.close();
    }

    @Test
    void measuredTimeCountsEachMessageOncePerDirectionWhateverItsLanes() {
        // GIVEN twelve 5-minute intervals with two forward lanes each
        Instant hour = Instant.parse("2021-06-01T08:00:00Z");
        List<CountInterval> intervals = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            intervals.add(new CountInterval("roll-lanes", i + 1, hour.plusSeconds(300L * i), 300, "t",
                    ClassScheme.TLS_8_1, List.of(
                    new LaneInterval(1, Direction.FORWARD, Map.of(PKW, 10), null, null, null, null),
                    new LaneInterval(2, Direction.FORWARD, Map.of(PKW, 5, LKW, 1), null, null, null, null))));
        }

        // WHEN they are stored and the rollups refreshed
        flow.store(intervals);

        // THEN the hour is measured once (3,600 s), with every vehicle of both lanes
        assertThat(flow.database().rows("SELECT measured_s, pkw, lkw, total, heavy, krad FROM count_hourly"
                + " WHERE device_id = 'roll-lanes'")).containsExactly(List.of(3600, 180L, 12L, 192L, 12L, 0L));
    }

    @Test
    void lateIntervalLandsInItsOwnHourAndDay() {
        // GIVEN a day of hourly counts with 10:00 UTC missing, rolled up
        Instant day = Instant.parse("2021-06-02T22:00:00Z"); // 3 June, local midnight
        List<CountInterval> intervals = new ArrayList<>(hours("roll-late", 1, day, day.plusSeconds(12 * 3600),
                Map.of(PKW, 100), Map.of(PKW, 50)));
        intervals.addAll(hours("roll-late", 100, day.plusSeconds(13 * 3600), day.plusSeconds(24 * 3600),
                Map.of(PKW, 100), Map.of(PKW, 50)));
        flow.store(intervals);
        assertThat(daily("roll-late", "forward")).containsExactly(23 * 3600L, 2300L);

        // WHEN the missing hour arrives days later, under a new seq
        flow.store(List.of(interval("roll-late", 500, day.plusSeconds(12 * 3600), 3600,
                Map.of(PKW, 7), Map.of(PKW, 3))));

        // THEN its hour and its day include it
        assertThat(flow.database().number("SELECT total FROM count_hourly WHERE device_id = 'roll-late'"
                + " AND hour = '2021-06-03T10:00:00Z' AND direction = 'forward'")).isEqualTo(7);
        assertThat(daily("roll-late", "forward")).containsExactly(24 * 3600L, 2307L);
    }

    @Test
    void refreshingAgainChangesNothing() throws Exception {
        // GIVEN rolled-up counts
        Instant from = Instant.parse("2021-06-05T00:00:00Z");
        flow.store(hours("roll-twice", 1, from, from.plusSeconds(5 * 3600), Map.of(PKW, 9, LKW, 2), null));
        List<List<Object>> before = flow.database().rows("SELECT d::text FROM count_daily d WHERE device_id = 'roll-twice'");

        // WHEN the same hours are marked and refreshed again
        flow.database().execute("INSERT INTO rollup_dirty SELECT device_id, hour FROM count_hourly"
                + " WHERE device_id = 'roll-twice'");
        int refreshed = flow.rollups().refreshNow();

        // THEN the rollups are the same
        assertThat(refreshed).isEqualTo(5);
        assertThat(flow.database().rows("SELECT d::text FROM count_daily d WHERE device_id = 'roll-twice'"))
                .isEqualTo(before);
        assertThat(flow.database().number("SELECT sum(total) FROM count_hourly WHERE device_id = 'roll-twice'"))
                .isEqualTo(55);
    }

    @Test
    void daylightSavingDaysHaveTwentyThreeAndTwentyFiveHours() throws Exception {
        // GIVEN hourly counts over both DST changes of 2021 (local days 28 March and 31 October)
        List<CountInterval> intervals = new ArrayList<>();
        intervals.addAll(hours("roll-dst", 1, Instant.parse("2021-03-27T23:00:00Z"),
                Instant.parse("2021-03-28T22:00:00Z"), Map.of(PKW, 1), null));
        intervals.addAll(hours("roll-dst", 1000, Instant.parse("2021-10-30T22:00:00Z"),
                Instant.parse("2021-10-31T23:00:00Z"), Map.of(PKW, 1), null));

        // WHEN rolled up
        flow.store(intervals);

        // THEN each local day holds all its hours, the last array element being the hour before midnight
        List<List<Object>> days = flow.database().rows("SELECT day, total, measured_s, hour_totals FROM count_daily"
                + " WHERE device_id = 'roll-dst' ORDER BY day");
        assertThat(days).hasSize(2);
        assertThat(days.get(0).subList(0, 3)).containsExactly(java.sql.Date.valueOf(LocalDate.of(2021, 3, 28)),
                23L, 23 * 3600);
        assertThat((Integer[]) ((Array) days.get(0).get(3)).getArray()).hasSize(23).containsOnly(1);
        assertThat(days.get(1).subList(0, 3)).containsExactly(java.sql.Date.valueOf(LocalDate.of(2021, 10, 31)),
                25L, 25 * 3600);
        assertThat((Integer[]) ((Array) days.get(1).get(3)).getArray()).hasSize(25).containsOnly(1);
    }

    private static List<Object> daily(String device, String direction) {
        return flow.database().rows("SELECT measured_s::bigint, total FROM count_daily WHERE device_id = ?"
                + " AND direction = ?", device, direction).get(0);
    }
}
