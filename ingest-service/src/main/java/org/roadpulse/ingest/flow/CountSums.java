package org.roadpulse.ingest.flow;

import io.micronaut.core.annotation.Nullable;
import org.roadpulse.protocol.VehicleClass;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Vehicles counted over some streams and some time, summed: per class (remembering which classes were measured at
 * all), total, heavy, speeds and the speed histogram. A mutable accumulator: add rows, then read figures.
 */
public final class CountSums {

    private static final VehicleClass[] CLASSES = VehicleClass.values();

    // Allocated with the first class: most sums in a year's figures never see one.
    private long[] classes;
    private boolean[] measured;
    private long total;
    private long heavy;
    private double speedSum;
    private long speedCount;
    private int binKmh;
    private long[] histogram;
    private boolean histogramsDiffer;

    /** Vehicles of a class; null means the class was not measured (a coarser scheme), which is not zero. */
    public void addClass(VehicleClass vehicleClass, @Nullable Long vehicles) {
        if (vehicles != null) {
            allocateClasses();
            classes[vehicleClass.ordinal()] += vehicles;
            measured[vehicleClass.ordinal()] = true;
        }
    }

    public void addTotals(long vehicles, long heavyVehicles) {
        total += vehicles;
        heavy += heavyVehicles;
    }

    /** @param sum mean speed times vehicles; @param vehicles the vehicles the mean speed is of */
    public void addSpeed(double sum, long vehicles) {
        speedSum += sum;
        speedCount += vehicles;
    }

    /** Adds a histogram of {@code binKmh}-wide bins; histograms of another bin width make the sum unusable. */
    public void addHistogram(int binKmh, long[] counts) {
        if (histogramsDiffer) {
            return;
        }
        if (histogram == null) {
            this.binKmh = binKmh;
            histogram = Arrays.copyOf(counts, counts.length);
            return;
        }
        if (binKmh != this.binKmh) {
            histogramsDiffer = true;
            histogram = null;
            return;
        }
        if (counts.length > histogram.length) {
            histogram = Arrays.copyOf(histogram, counts.length);
        }
        for (int i = 0; i < counts.length; i++) {
            histogram[i] += counts[i];
        }
    }

    public void add(CountSums other) {
        if (other.measured != null) {
            allocateClasses();
            for (int i = 0; i < CLASSES.length; i++) {
                if (other.measured[i]) {
                    classes[i] += other.classes[i];
                    measured[i] = true;
                }
            }
        }
        addTotals(other.total, other.heavy);
        addSpeed(other.speedSum, other.speedCount);
        if (other.histogramsDiffer) {
            histogramsDiffer = true;
            histogram = null;
        } else if (other.histogram != null) {
            addHistogram(other.binKmh, other.histogram);
        }
    }

    private void allocateClasses() {
        if (classes == null) {
            classes = new long[CLASSES.length];
            measured = new boolean[CLASSES.length];
        }
    }

    public long total() {
        return total;
    }

    public long heavy() {
        return heavy;
    }

    @Nullable
    public Long count(VehicleClass vehicleClass) {
        return measured != null && measured[vehicleClass.ordinal()] ? classes[vehicleClass.ordinal()] : null;
    }

    /** Category → vehicles, null for a category none of whose classes was measured. */
    public Map<String, Long> volumes(ClassGroup group) {
        Map<String, Long> volumes = new LinkedHashMap<>();
        group.categories().forEach((name, members) -> volumes.put(name, sum(members)));
        return volumes;
    }

    /** Vehicles that fall in no category of the group because they were counted at a coarser scheme. */
    public long coarser(ClassGroup group) {
        long inCategories = 0;
        for (Set<VehicleClass> members : group.categories().values()) {
            Long vehicles = sum(members);
            inCategories += vehicles == null ? 0 : vehicles;
        }
        return Math.max(0, total - inCategories);
    }

    @Nullable
    public Double heavySharePercent() {
        return total == 0 ? null : 100.0 * heavy / total;
    }

    @Nullable
    public Double meanSpeedKmh() {
        return speedCount == 0 ? null : speedSum / speedCount;
    }

    /**
     * The speed below which {@code fraction} of the vehicles in the histogram drove (0.85 → V85), interpolated
     * linearly within the bin; null without a histogram.
     */
    @Nullable
    public Double speedPercentileKmh(double fraction) {
        if (histogram == null) {
            return null;
        }
        long vehicles = Arrays.stream(histogram).sum();
        if (vehicles == 0) {
            return null;
        }
        double target = fraction * vehicles;
        long below = 0;
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] > 0 && below + histogram[i] >= target) {
                return binKmh * (i + (target - below) / histogram[i]);
            }
            below += histogram[i];
        }
        return (double) binKmh * histogram.length;
    }

    /** Share of the vehicles in the histogram faster than the limit, in percent (bins split linearly). */
    @Nullable
    public Double sharePercentAbove(@Nullable Integer limitKmh) {
        if (histogram == null || limitKmh == null) {
            return null;
        }
        long vehicles = Arrays.stream(histogram).sum();
        if (vehicles == 0) {
            return null;
        }
        double above = 0;
        for (int i = 0; i < histogram.length; i++) {
            double low = (double) i * binKmh;
            double high = low + binKmh;
            if (low >= limitKmh) {
                above += histogram[i];
            } else if (high > limitKmh) {
                above += histogram[i] * (high - limitKmh) / binKmh;
            }
        }
        return 100.0 * above / vehicles;
    }

    @Nullable
    private Long sum(Set<VehicleClass> members) {
        long vehicles = 0;
        boolean any = false;
        if (measured == null) {
            return null;
        }
        for (VehicleClass member : members) {
            if (measured[member.ordinal()]) {
                vehicles += classes[member.ordinal()];
                any = true;
            }
        }
        return any ? vehicles : null;
    }
}
