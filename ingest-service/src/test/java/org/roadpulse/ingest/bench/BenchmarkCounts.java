package org.roadpulse.ingest.bench;

import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.LaneInterval;
import org.roadpulse.protocol.VehicleClass;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic-shaped 15-minute 8+1 counts for the benchmark, generated on the fly in time order (all sites' first
 * interval, then all sites' second, ...), as a fleet reports them: a daily profile with morning and evening peaks,
 * quieter weekends, a per-site volume, and noise.
 */
final class BenchmarkCounts {

    /** Share of traffic per local hour of a workday (sums to 1). */
    private static final double[] PROFILE = normalise(new double[]{
            0.6, 0.4, 0.3, 0.3, 0.6, 1.8, 4.5, 7.5, 7.0, 5.5, 5.2, 5.5,
            5.9, 5.8, 6.0, 6.8, 7.8, 8.0, 6.5, 4.8, 3.4, 2.6, 1.9, 1.1});
    private static final VehicleClass[] CLASSES = {VehicleClass.KRAD, VehicleClass.PKW, VehicleClass.LFW,
            VehicleClass.PKW_A, VehicleClass.LKW, VehicleClass.LKW_A, VehicleClass.SATTEL_KFZ, VehicleClass.BUS,
            VehicleClass.NK_KFZ};
    private static final double[] SHARES = {0.01, 0.80, 0.08, 0.01, 0.04, 0.015, 0.035, 0.005, 0.005};

    private final List<MeasurementSite> sites;
    private final double[] dailyVolume;
    private final Instant first;
    private final ZoneId zone;
    private final long intervals;
    private final Random random = new Random(42);
    private long slot;
    private int site;

    BenchmarkCounts(List<MeasurementSite> sites, LocalDate firstDay, int days, ZoneId zone) {
        this.sites = sites;
        this.first = firstDay.atStartOfDay(zone).toInstant();
        this.zone = zone;
        this.intervals = (long) days * 96;
        this.dailyVolume = new double[sites.size()];
        for (int i = 0; i < sites.size(); i++) {
            dailyVolume[i] = 2_000 + random.nextDouble() * 18_000; // vehicles per day and direction
        }
    }

    CountInterval next() {
        if (slot >= intervals) {
            throw new IllegalStateException("no more intervals");
        }
        Instant start = first.plusSeconds(900 * slot);
        var local = start.atZone(zone);
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
        double expected = dailyVolume[site] * PROFILE[local.getHour()] / 4 * (weekend ? 0.7 : 1.0);
        CountInterval interval = new CountInterval(sites.get(site).devices().get(0), slot + 1, start, 900, "bench",
                ClassScheme.TLS_8_1, List.of(lane(Direction.FORWARD, expected), lane(Direction.BACKWARD, expected)));
        if (++site == sites.size()) {
            site = 0;
            slot++;
        }
        return interval;
    }

    private LaneInterval lane(Direction direction, double expected) {
        int vehicles = (int) Math.max(0, Math.round(expected * (0.85 + 0.3 * random.nextDouble())));
        Map<VehicleClass, Integer> counts = new EnumMap<>(VehicleClass.class);
        int left = vehicles;
        for (int c = 1; c < CLASSES.length; c++) {
            int n = Math.min(left, (int) Math.round(vehicles * SHARES[c]));
            counts.put(CLASSES[c], n);
            left -= n;
        }
        counts.put(VehicleClass.KRAD, left);
        return new LaneInterval(0, direction, counts, null, null, null, null);
    }

    private static double[] normalise(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] shares = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            shares[i] = weights[i] / sum;
        }
        return shares;
    }
}
