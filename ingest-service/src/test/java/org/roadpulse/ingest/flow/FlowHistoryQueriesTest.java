package org.roadpulse.ingest.flow;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.ingest.storage.PgFlowHistory;
import org.roadpulse.ingest.testing.FlowFixture;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.SpeedHistogram;
import org.roadpulse.protocol.VehicleClass;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.roadpulse.ingest.testing.FlowFixture.BERLIN;
import static org.roadpulse.protocol.VehicleClass.LKW;
import static org.roadpulse.protocol.VehicleClass.PKW;

/**
 * Planners' queries against stored counts: buckets, completeness, class groups and the standard figures, on a
 * fortnight whose figures are known by construction. The same tests run on TimescaleDB
 * ({@link TimescaleFlowHistoryQueriesTest}).
 *
 * <p>The fortnight (3–16 May 2021, Bexbach, Saarland): every hour forward 100 Pkw + 10 Lkw, backward 50 Pkw + 5 Lkw
 * on workdays, 40 instead of 100 Pkw forward on weekends and on Ascension Day (13 May, a holiday), and 200 extra Pkw
 * forward at 07:00 local. On Monday 10 May the 03:00 hour is missing.
 */
class FlowHistoryQueriesTest {

    static final LocalDate FIRST = LocalDate.of(2021, 5, 3);
    static final LocalDate HOLIDAY = LocalDate.of(2021, 5, 13);
    static final LocalDate GAP_DAY = LocalDate.of(2021, 5, 10);
    static final MeasurementSite SITE = FlowFixture.site("fortnight", "fortnight-1");
    static final MeasurementSite COARSE = FlowFixture.site("coarse", "coarse-1");
    static final MeasurementSite QUARTERS = FlowFixture.site("quarters", "quarters-1");

    private static FlowFixture flow;
    private static FlowHistory history;

    static TestDatabase database() {
        return TestPostgres.freshDatabase();
    }

    @BeforeAll
    static void store() {
        flow = new FlowFixture(database());
        history = new PgFlowHistory(flow.database().dataSource());
        flow.store(fortnight());
        flow.store(List.of(FlowFixture.withSpeeds("coarse-1", 1, at(FIRST, 8), 3600, ClassScheme.TLS_2_1,
                Map.of(VehicleClass.PKW_AEHNLICH, 90, VehicleClass.LKW_AEHNLICH, 10), 52.0,
                new SpeedHistogram(10, new int[]{0, 0, 0, 10, 40, 40, 10}))));
        List<CountInterval> fiveMinutes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fiveMinutes.add(FlowFixture.interval("quarters-1", i + 1, at(FIRST, 8).plusSeconds(300L * i), 300,
                    Map.of(PKW, 10 + i), Map.of(PKW, 1)));
        }
        flow.store(fiveMinutes);
    }

    @AfterAll
    static void close() {
        flow.close();
    }

    @Test
    void hourBucketsShowAGapAsUnmeasuredNotAsZero() {
        FlowQuery query = new FlowQuery(List.of(SITE), Period.ofDays(GAP_DAY, GAP_DAY.plusDays(1), BERLIN),
                Bucket.HOUR, Split.CROSS_SECTION, ClassGroup.TLS_8_1);

        List<VolumeBucket> buckets = history.volumes(query).get(0).buckets();

        assertThat(buckets).hasSize(24);
        VolumeBucket gap = buckets.get(3);
        assertThat(gap.total()).isNull();
        assertThat(gap.volumes().get("Pkw")).isNull();
        assertThat(gap.completeness().ratio()).isZero();
        VolumeBucket morning = buckets.get(7);
        assertThat(morning.start()).isEqualTo(at(GAP_DAY, 7));
        assertThat(morning.total()).isEqualTo(365);
        assertThat(morning.volumes()).containsEntry("Pkw", 350L).containsEntry("Lkw", 15L).containsEntry("Krad", 0L);
        assertThat(morning.heavyShare()).isCloseTo(100.0 * 15 / 365, within(1e-9));
        assertThat(morning.completeness().complete()).isTrue();
    }

    @Test
    void dayWeekAndMonthBucketsAreLocalAndCarryTheirCompleteness() {
        Period fortnight = Period.ofDays(FIRST, FIRST.plusDays(14), BERLIN);

        List<VolumeBucket> days = history.volumes(new FlowQuery(List.of(SITE), fortnight, Bucket.DAY,
                Split.CROSS_SECTION, ClassGroup.KFZ)).get(0).buckets();
        List<VolumeBucket> weeks = history.volumes(new FlowQuery(List.of(SITE), fortnight, Bucket.WEEK,
                Split.CROSS_SECTION, ClassGroup.KFZ)).get(0).buckets();

        assertThat(days).hasSize(14);
        assertThat(days.get(0).volumes()).containsExactly(Map.entry("Kfz", 4160L));
        assertThat(days.get(7).completeness().ratio()).isCloseTo(23.0 / 24, within(1e-4));
        assertThat(days.get(7).completeness().complete()).isFalse();
        assertThat(weeks).hasSize(2);
        assertThat(weeks.get(0).start()).isEqualTo(at(FIRST, 0));
        assertThat(weeks.get(0).total()).isEqualTo(5 * 4160 + 2 * 2720);
        assertThat(weeks.get(0).completeness().complete()).isTrue();
        assertThat(weeks.get(1).completeness().complete()).isFalse();
    }

    @Test
    void classGroupsAggregateUpwardAndNeverInventFinerClasses() {
        Period morning = new Period(at(FIRST, 8), at(FIRST, 9), BERLIN);

        VolumeBucket asEight = history.volumes(new FlowQuery(List.of(COARSE), morning, Bucket.HOUR,
                Split.CROSS_SECTION, ClassGroup.TLS_8_1)).get(0).buckets().get(0);
        VolumeBucket asTwo = history.volumes(new FlowQuery(List.of(COARSE), morning, Bucket.HOUR,
                Split.CROSS_SECTION, ClassGroup.TLS_2_1)).get(0).buckets().get(0);
        VolumeBucket svOfFine = history.volumes(new FlowQuery(List.of(SITE), morning, Bucket.HOUR,
                Split.CROSS_SECTION, ClassGroup.SV)).get(0).buckets().get(0);

        assertThat(asEight.volumes()).containsEntry("Pkw", null).containsEntry("Lkw", null)
                .containsEntry("nkKfz", 0L); // "+1" is in every scheme
        assertThat(asEight.coarser()).isEqualTo(100);
        assertThat(asTwo.volumes()).containsEntry("PkwAehnlich", 90L).containsEntry("LkwAehnlich", 10L);
        assertThat(asTwo.coarser()).isZero();
        assertThat(svOfFine.volumes()).containsEntry("SV", 15L).containsEntry("nichtSV", 150L);
    }

    @Test
    void speedsComeFromTheHistogram() {
        Period morning = new Period(at(FIRST, 8), at(FIRST, 9), BERLIN);

        VolumeBucket bucket = history.volumes(new FlowQuery(List.of(COARSE), morning, Bucket.HOUR,
                Split.DIRECTION, ClassGroup.TLS_2_1)).get(0).buckets().get(0);

        assertThat(bucket.meanSpeedKmh()).isEqualTo(52.0);
        // 85 of 100 vehicles: 10 below 40, 40 in 40–50, 40 in 50–60 → 85 is 35/40 into the 50–60 bin.
        assertThat(bucket.v85Kmh()).isCloseTo(58.75, within(1e-9));
    }

    @Test
    void quarterHoursComeFromTheRawIntervals() {
        Period morning = new Period(at(FIRST, 8), at(FIRST, 9), BERLIN);

        List<VolumeSeries> series = history.volumes(new FlowQuery(List.of(QUARTERS), morning, Bucket.QUARTER_HOUR,
                Split.DIRECTION, ClassGroup.KFZ));

        assertThat(series).extracting(VolumeSeries::direction).containsExactly(Direction.FORWARD, Direction.BACKWARD);
        List<VolumeBucket> forward = series.get(0).buckets();
        assertThat(forward).extracting(VolumeBucket::total).containsExactly(33L, 42L, null, null);
        assertThat(forward.get(0).completeness().complete()).isTrue();
        assertThat(forward.get(2).completeness().measuredSeconds()).isZero();
    }

    @Test
    void standardFiguresOfTheFortnight() {
        Period fortnight = Period.ofDays(FIRST, FIRST.plusDays(14), BERLIN);

        StandardFigures figures = history.figures(List.of(SITE), fortnight, Split.CROSS_SECTION).get(0);

        assertThat(figures.days()).isEqualTo(14);
        assertThat(figures.completeDays()).isEqualTo(13);
        assertThat(figures.completeWorkdays()).isEqualTo(8);
        assertThat(figures.dtv()).isCloseTo((8 * 4160 + 5 * 2720) / 13.0, within(1e-9));
        assertThat(figures.dtvw()).isEqualTo(4160.0);
        assertThat(figures.dtvSv()).isEqualTo(360.0);
        assertThat(figures.svShare()).isCloseTo(100.0 * 13 * 360 / (8 * 4160 + 5 * 2720), within(1e-9));
        assertThat(figures.msv()).isEqualTo(165L);
        assertThat(figures.peakHour().typicalHour()).isEqualTo(7);
        assertThat(figures.peakHour().meanVolume()).isCloseTo((8 * 365 + 5 * 305) / 13.0, within(1e-9));
        assertThat(figures.dayNight().dayVolume()).isCloseTo((8 * 2840 + 5 * 1880) / 13.0, within(1e-9));
        assertThat(figures.dayNight().nightVolume()).isCloseTo((8 * 1320 + 5 * 840) / 13.0, within(1e-9));
        assertThat(figures.completeness().measuredSeconds()).isEqualTo((14 * 24 - 1) * 3600L * 2);
        assertThat(figures.complete()).isFalse();
    }

    @Test
    void standardFiguresPerDirection() {
        Period fortnight = Period.ofDays(FIRST, FIRST.plusDays(14), BERLIN);

        List<StandardFigures> figures = history.figures(List.of(SITE), fortnight, Split.DIRECTION);

        assertThat(figures).extracting(StandardFigures::direction)
                .containsExactly(Direction.FORWARD, Direction.BACKWARD);
        assertThat(figures.get(0).dtvw()).isEqualTo(24 * 110 + 200.0);
        assertThat(figures.get(1).dtvw()).isEqualTo(24 * 55.0);
        assertThat(figures.get(1).msv()).isEqualTo(55L);
    }

    @Test
    void aSiteWithoutDataHasNoFiguresButAKnownCompleteness() {
        MeasurementSite empty = FlowFixture.site("empty", "nobody-here");

        StandardFigures figures = history.figures(List.of(empty),
                Period.ofDays(FIRST, FIRST.plusDays(7), BERLIN), Split.CROSS_SECTION).get(0);

        assertThat(figures.dtv()).isNull();
        assertThat(figures.msv()).isNull();
        assertThat(figures.completeness().ratio()).isZero();
        assertThat(figures.completeness().expectedSeconds()).isEqualTo(7 * 24 * 3600L * 2);
    }

    /** The fortnight described in the class comment. */
    private static List<CountInterval> fortnight() {
        List<CountInterval> intervals = new ArrayList<>();
        long seq = 1;
        for (LocalDate day = FIRST; day.isBefore(FIRST.plusDays(14)); day = day.plusDays(1)) {
            boolean quiet = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                    || day.equals(HOLIDAY);
            for (int hour = 0; hour < 24; hour++) {
                if (day.equals(GAP_DAY) && hour == 3) {
                    continue;
                }
                int pkw = (quiet ? 40 : 100) + (hour == 7 ? 200 : 0);
                intervals.add(FlowFixture.interval("fortnight-1", seq++, at(day, hour), 3600,
                        Map.of(PKW, pkw, LKW, 10), Map.of(PKW, 50, LKW, 5)));
            }
        }
        return intervals;
    }

    static java.time.Instant at(LocalDate day, int localHour) {
        return ZonedDateTime.of(day.atTime(localHour, 0), BERLIN).toInstant();
    }
}
