package org.roadpulse.protocol.testing;

import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.LaneInterval;
import org.roadpulse.protocol.Limits;
import org.roadpulse.protocol.SpeedHistogram;
import org.roadpulse.protocol.VehicleClass;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.roadpulse.protocol.VehicleClass.*;

/**
 * Valid count intervals with realistic numbers for tests: an urban two-lane road (one lane per direction, 50 km/h
 * limit, about 9,000 vehicles per direction and workday) with a typical daily curve in Europe/Berlin time,
 * fewer vehicles at weekends, a German class mix and speeds with histograms.
 *
 * <p>The same arguments always give the same interval; different seqs give slightly different counts.
 */
public final class Intervals {

    public static final int DEFAULT_LENGTH_SECONDS = 300;
    public static final String FIRMWARE = "rp-agent 1.0.0-test";

    private static final ZoneId LOCAL = ZoneId.of("Europe/Berlin");
    private static final double VEHICLES_PER_WORKDAY = 9_000;
    /** Share of the day's vehicles in each local hour, in percent (sums to 100). */
    private static final double[] HOURLY_PERCENT = {
            0.9, 0.5, 0.4, 0.4, 0.7, 1.8, 4.6, 7.0, 6.6, 5.6, 5.3, 5.5,
            6.2, 6.2, 6.4, 7.1, 7.3, 7.2, 6.0, 4.6, 3.4, 2.8, 2.2, 1.3};
    /** The 8+1 class mix, per mille (sums to 1,000). */
    private static final Map<VehicleClass, Integer> MIX_PER_MILLE = mix();
    private static final int HISTOGRAM_BIN_KMH = 10;
    /** Seconds a loop is occupied by an average vehicle at city speed. */
    private static final double OCCUPIED_SECONDS_PER_VEHICLE = 0.45;

    private Intervals() {
    }

    /** A valid 5-minute 8+1 interval with lane 1 in both directions; {@code start} must be on the 300 s grid. */
    public static CountInterval sample(String device, long seq, Instant start) {
        return sample(device, seq, start, DEFAULT_LENGTH_SECONDS);
    }

    /** A valid 8+1 interval with lane 1 in both directions; {@code start} must be on the grid of the length. */
    public static CountInterval sample(String device, long seq, Instant start, int lengthSeconds) {
        return sample(device, seq, start, lengthSeconds, ClassScheme.TLS_8_1);
    }

    /**
     * A valid interval in the given scheme; the counts of the coarser schemes are the 8+1 counts added up into their
     * groups, as a device that measures coarser would have seen them.
     */
    public static CountInterval sample(String device, long seq, Instant start, int lengthSeconds, ClassScheme scheme) {
        if (!Limits.INTERVAL_LENGTHS_SECONDS.contains(lengthSeconds)) {
            throw new IllegalArgumentException(lengthSeconds + " s is not an interval length of the contract");
        }
        if (!alignedStart(start, lengthSeconds).equals(start)) {
            throw new IllegalArgumentException(start + " is not on the " + lengthSeconds
                    + " s grid; use Intervals.alignedStart");
        }
        SplittableRandom random = new SplittableRandom(device.hashCode() * 1_000_003L + seq);
        double expected = expectedVehicles(start, lengthSeconds);
        List<LaneInterval> lanes = List.of(
                lane(Direction.FORWARD, expected, lengthSeconds, scheme, random),
                lane(Direction.BACKWARD, expected * 0.95, lengthSeconds, scheme, random));
        return new CountInterval(device, seq, start, lengthSeconds, FIRMWARE, scheme, lanes);
    }

    /** {@code n} consecutive intervals: seqs {@code fromSeq, fromSeq + 1, ...}, each starting where the last ended. */
    public static List<CountInterval> sampleSeries(String device, long fromSeq, int n, Instant start, int lengthSeconds) {
        List<CountInterval> series = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            series.add(sample(device, fromSeq + i, start.plusSeconds((long) i * lengthSeconds), lengthSeconds));
        }
        return series;
    }

    /** The start of the interval of this length that contains {@code time} (intervals lie on a grid in UTC). */
    public static Instant alignedStart(Instant time, int lengthSeconds) {
        return Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), lengthSeconds) * lengthSeconds);
    }

    private static double expectedVehicles(Instant start, int lengthSeconds) {
        ZonedDateTime local = start.atZone(LOCAL);
        double day = switch (local.getDayOfWeek()) {
            case SATURDAY -> 0.8;
            case SUNDAY -> 0.6;
            default -> 1.0;
        };
        double perHour = VEHICLES_PER_WORKDAY * day * HOURLY_PERCENT[local.getHour()] / 100;
        return perHour * lengthSeconds / 3600;
    }

    private static LaneInterval lane(Direction direction, double expected, int lengthSeconds, ClassScheme scheme,
                                     SplittableRandom random) {
        int total = (int) Math.min(lengthSeconds, Math.round(expected * (0.9 + 0.2 * random.nextDouble())));
        Map<VehicleClass, Integer> counts = coarsen(apportion(total), scheme);
        if (total == 0) {
            return new LaneInterval(1, direction, counts, null, null, null, 0.0);
        }
        // Busy hours are a little slower.
        double mean = 49.0 - 5.0 * Math.min(1.0, expected / (VEHICLES_PER_WORKDAY * 0.07 * lengthSeconds / 3600))
                + random.nextDouble() * 2 - 1;
        double v85 = mean + 7.5;
        double occupancy = Math.round(total * OCCUPIED_SECONDS_PER_VEHICLE / lengthSeconds * 1000) / 1000.0;
        return new LaneInterval(1, direction, counts, round1(mean), round1(v85), histogram(total, mean), occupancy);
    }

    /** The vehicles of a lane spread over the 8+1 classes by the mix, by largest remainder so that they add up. */
    private static Map<VehicleClass, Integer> apportion(int total) {
        Map<VehicleClass, Integer> counts = new EnumMap<>(VehicleClass.class);
        Map<VehicleClass, Double> remainders = new EnumMap<>(VehicleClass.class);
        int given = 0;
        for (Map.Entry<VehicleClass, Integer> share : MIX_PER_MILLE.entrySet()) {
            double exact = total * share.getValue() / 1000.0;
            counts.put(share.getKey(), (int) exact);
            remainders.put(share.getKey(), exact - (int) exact);
            given += (int) exact;
        }
        List<VehicleClass> byRemainder = remainders.entrySet().stream()
                .sorted(Map.Entry.<VehicleClass, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        for (int i = 0; i < total - given; i++) {
            counts.merge(byRemainder.get(i), 1, Integer::sum);
        }
        return counts;
    }

    private static Map<VehicleClass, Integer> coarsen(Map<VehicleClass, Integer> fine, ClassScheme scheme) {
        Map<VehicleClass, Integer> counts = new EnumMap<>(VehicleClass.class);
        fine.forEach((vehicleClass, count) -> counts.merge(groupOf(vehicleClass, scheme), count, Integer::sum));
        return counts;
    }

    private static VehicleClass groupOf(VehicleClass fine, ClassScheme scheme) {
        return switch (scheme) {
            case TLS_8_1 -> fine;
            case TLS_5_1 -> switch (fine) {
                case KRAD, PKW, LFW -> PKW_GRUPPE;
                case LKW_A, SATTEL_KFZ -> LKW_A_SATTEL_KFZ;
                default -> fine;
            };
            case TLS_2_1 -> fine == NK_KFZ ? NK_KFZ : fine.heavy() ? LKW_AEHNLICH : PKW_AEHNLICH;
        };
    }

    /** 10 km/h bins around the mean speed: a coarse bell that holds every vehicle of the lane. */
    private static SpeedHistogram histogram(int total, double mean) {
        double[] shape = {0.05, 0.25, 0.45, 0.20, 0.05};
        int meanBin = (int) (mean / HISTOGRAM_BIN_KMH);
        int[] bins = new int[meanBin + 3];
        int given = 0;
        for (int i = 0; i < shape.length; i++) {
            int bin = meanBin - 2 + i;
            int count = (int) Math.floor(total * shape[i]);
            bins[bin] += count;
            given += count;
        }
        bins[meanBin] += total - given;
        return new SpeedHistogram(HISTOGRAM_BIN_KMH, bins);
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Map<VehicleClass, Integer> mix() {
        Map<VehicleClass, Integer> mix = new EnumMap<>(VehicleClass.class);
        mix.put(KRAD, 12);
        mix.put(PKW, 803);
        mix.put(LFW, 70);
        mix.put(PKW_A, 13);
        mix.put(LKW, 32);
        mix.put(LKW_A, 16);
        mix.put(SATTEL_KFZ, 34);
        mix.put(BUS, 12);
        mix.put(NK_KFZ, 8);
        return mix;
    }
}
