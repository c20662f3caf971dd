package org.roadpulse.ingest.flow.export;

import org.roadpulse.ingest.flow.Bucket;
import org.roadpulse.ingest.flow.ClassGroup;
import org.roadpulse.ingest.flow.Completeness;
import org.roadpulse.ingest.flow.FlowQuery;
import org.roadpulse.ingest.flow.Period;
import org.roadpulse.ingest.flow.Split;
import org.roadpulse.ingest.flow.StandardFigures;
import org.roadpulse.ingest.flow.VolumeBucket;
import org.roadpulse.ingest.flow.VolumeSeries;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.protocol.Direction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made flow data for the export tests, with the awkward cases on purpose: the spring DST day (23 hours), a
 * bucket with nothing measured, one half measured, a site whose device counts 2+1 asked for 8+1 (its vehicles are
 * all {@code coarser}), and a site name with ';', '"', ',' and umlauts.
 */
final class ExportFixtures {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2021-04-01T08:00:00Z"), ZoneOffset.UTC);
    static final String AWKWARD_NAME = "Rathausstraße \"Alte Ölmühle\"; Höhe Nr. 5, Bexbach";

    /** Two-way street, one lane per direction, counted 8+1. */
    static final MeasurementSite RATHAUS = new MeasurementSite("bexbach-rathausstrasse", "10045111", AWKWARD_NAME,
            "Rathausstraße", "L 119", 49.3466, 7.2597, 1, 1, "Richtung Homburg", "Richtung Neunkirchen", 50,
            List.of("bexbach-rathausstrasse"));
    /** One-way street, two lanes, its radar counts only 2+1. */
    static final MeasurementSite EINBAHN = new MeasurementSite("homburg-einbahn", "10045113", "Homburg Einbahnstraße",
            null, null, 49.32, 7.33, 2, 0, "Richtung Markt", null, null, List.of("homburg-radar-1"));

    /** 27 to 30 March 2021: the 28th is the spring DST day, 23 hours. */
    static final Period DST_DAYS = Period.ofDays(LocalDate.of(2021, 3, 27), LocalDate.of(2021, 3, 31), BERLIN);
    static final Instant DAY_27 = Instant.parse("2021-03-26T23:00:00Z");
    static final Instant DAY_28 = Instant.parse("2021-03-27T23:00:00Z");
    static final Instant DAY_29 = Instant.parse("2021-03-28T22:00:00Z");
    static final Instant DAY_30 = Instant.parse("2021-03-29T22:00:00Z");
    static final Instant DAY_31 = Instant.parse("2021-03-30T22:00:00Z");

    private ExportFixtures() {
    }

    /** 8+1 by day and direction: Rathausstraße both ways, Einbahnstraße forward (2+1 device, all coarser). */
    static FlowQuery dailyQuery() {
        return new FlowQuery(List.of(RATHAUS, EINBAHN), DST_DAYS, Bucket.DAY, Split.DIRECTION, ClassGroup.TLS_8_1);
    }

    static List<VolumeSeries> dailySeries() {
        VolumeSeries rathausForward = new VolumeSeries(RATHAUS.id(), Direction.FORWARD, ClassGroup.TLS_8_1,
                Bucket.DAY, List.of(
                tlsDay(DAY_27, DAY_28, 86_400, 47.25, 55.55, 40, 3000, 300, 50, 120, 60, 80, 30, 20),
                tlsDay(DAY_28, DAY_29, 82_800, 48.0, 56.0, 35, 2760, 276, 46, 110, 55, 73, 28, 17),
                tlsDay(DAY_29, DAY_30, 43_200, 46.5, null, 20, 1500, 150, 25, 60, 30, 40, 15, 10),
                unmeasured(DAY_30, DAY_31, 1)));
        VolumeSeries rathausBackward = new VolumeSeries(RATHAUS.id(), Direction.BACKWARD, ClassGroup.TLS_8_1,
                Bucket.DAY, List.of(
                tlsDay(DAY_27, DAY_28, 86_400, 49.0, 57.0, 30, 2800, 250, 40, 100, 50, 70, 25, 15),
                tlsDay(DAY_28, DAY_29, 82_800, 49.5, 57.5, 28, 2600, 230, 38, 95, 45, 66, 24, 14),
                tlsDay(DAY_29, DAY_30, 86_400, 48.5, 56.5, 31, 2850, 255, 41, 102, 52, 71, 26, 16),
                tlsDay(DAY_30, DAY_31, 86_400, 48.0, 56.0, 29, 2750, 245, 39, 98, 48, 69, 24, 15)));
        VolumeSeries einbahnForward = new VolumeSeries(EINBAHN.id(), Direction.FORWARD, ClassGroup.TLS_8_1,
                Bucket.DAY, List.of(
                coarserDay(DAY_27, DAY_28, 1200, 100),
                coarserDay(DAY_28, DAY_29, 1150, 90),
                coarserDay(DAY_29, DAY_30, 1210, 101),
                coarserDay(DAY_30, DAY_31, 1190, 99)));
        return List.of(rathausForward, rathausBackward, einbahnForward);
    }

    /** 2+1 by hour over the DST jump, Rathausstraße's cross-section: local 01:00+01:00 is followed by 03:00+02:00. */
    static FlowQuery hourlyQuery() {
        Period night = new Period(Instant.parse("2021-03-28T00:00:00Z"), Instant.parse("2021-03-28T02:00:00Z"), BERLIN);
        return new FlowQuery(List.of(RATHAUS), night, Bucket.HOUR, Split.CROSS_SECTION, ClassGroup.TLS_2_1);
    }

    static List<VolumeSeries> hourlySeries() {
        Instant h0 = Instant.parse("2021-03-28T00:00:00Z");
        Instant h1 = h0.plus(Duration.ofHours(1));
        Instant h2 = h1.plus(Duration.ofHours(1));
        return List.of(new VolumeSeries(RATHAUS.id(), null, ClassGroup.TLS_2_1, Bucket.HOUR, List.of(
                twoPlusOneHour(h0, h1, 30, 4, 1),
                twoPlusOneHour(h1, h2, 20, 2, 0))));
    }

    /**
     * Rathausstraße's cross-section over the calendar year 2021 (DTV fits DATEX II as AADT), its forward direction
     * over the DST days (no DATEX II element for that DTV), and the Einbahnstraße without a single complete day.
     */
    static List<StandardFigures> figures() {
        Period year = Period.ofDays(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1), BERLIN);
        StandardFigures rathausYear = new StandardFigures(RATHAUS.id(), null, year, 365, 300, 210,
                6543.21, 7012.5, 510.04, 7.8, 812L,
                new StandardFigures.PeakHour(620.5, 9.45, 16),
                new StandardFigures.DayNight(5900.25, 7.1, 643.0, 12.35),
                new StandardFigures.Speed(47.3, 46.0, 55.55, 12.5),
                new Completeness(300L * 2 * 86_400, 365L * 2 * 86_400));
        StandardFigures rathausForward = new StandardFigures(RATHAUS.id(), Direction.FORWARD, DST_DAYS, 4, 2, 1,
                3550.0, 3700.0, 278.0, 7.83, null,
                new StandardFigures.PeakHour(350.0, 10.0, 7),
                new StandardFigures.DayNight(3100.0, 7.0, 450.0, 13.0),
                new StandardFigures.Speed(47.6, 47.0, 55.8, 10.25),
                new Completeness(212_400, 342_000));
        StandardFigures einbahn = new StandardFigures(EINBAHN.id(), Direction.FORWARD, DST_DAYS, 4, 0, 0,
                null, null, null, null, null,
                new StandardFigures.PeakHour(null, null, null),
                new StandardFigures.DayNight(null, null, null, null),
                new StandardFigures.Speed(null, null, null, null),
                new Completeness(0, 342_000));
        return List.of(rathausYear, rathausForward, einbahn);
    }

    /** A day counted in 8+1: total and heavy follow from the classes. */
    private static VolumeBucket tlsDay(Instant start, Instant end, long measuredSeconds, Double meanKmh, Double v85Kmh,
                                       long krad, long pkw, long lfw, long pkwA, long lkw, long lkwA, long sattelKfz,
                                       long bus, long nkKfz) {
        Map<String, Long> volumes = new LinkedHashMap<>();
        volumes.put("Krad", krad);
        volumes.put("Pkw", pkw);
        volumes.put("Lfw", lfw);
        volumes.put("PkwA", pkwA);
        volumes.put("Lkw", lkw);
        volumes.put("LkwA", lkwA);
        volumes.put("SattelKfz", sattelKfz);
        volumes.put("Bus", bus);
        volumes.put("nkKfz", nkKfz);
        long total = volumes.values().stream().mapToLong(Long::longValue).sum();
        long heavy = lkw + lkwA + sattelKfz + bus;
        return new VolumeBucket(start, end, volumes, total, heavy, 0, 100.0 * heavy / total, meanKmh, v85Kmh,
                new Completeness(measuredSeconds, seconds(start, end)));
    }

    /** A day counted by a 2+1 device, asked for 8+1: no 8+1 category, every vehicle coarser. */
    private static VolumeBucket coarserDay(Instant start, Instant end, long total, long heavy) {
        return new VolumeBucket(start, end, Map.of(), total, heavy, total, 100.0 * heavy / total, 38.0, null,
                new Completeness(seconds(start, end), seconds(start, end)));
    }

    private static VolumeBucket twoPlusOneHour(Instant start, Instant end, long carLike, long truckLike, long nk) {
        Map<String, Long> volumes = new LinkedHashMap<>();
        volumes.put("PkwAehnlich", carLike);
        volumes.put("LkwAehnlich", truckLike);
        volumes.put("nkKfz", nk);
        long total = carLike + truckLike + nk;
        // Cross-section: both directions are expected.
        return new VolumeBucket(start, end, volumes, total, truckLike, 0, 100.0 * truckLike / total, 45.0, 52.0,
                new Completeness(2 * 3600, 2 * 3600));
    }

    /** Nothing measured: null volumes, never zeros. */
    private static VolumeBucket unmeasured(Instant start, Instant end, int directions) {
        return new VolumeBucket(start, end, Map.of(), null, null, 0, null, null, null,
                new Completeness(0, directions * seconds(start, end)));
    }

    private static long seconds(Instant start, Instant end) {
        return Duration.between(start, end).getSeconds();
    }
}
