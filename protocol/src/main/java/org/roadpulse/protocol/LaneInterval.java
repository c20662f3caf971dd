package org.roadpulse.protocol;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one lane in one direction saw during an interval.
 *
 * @param lane           lane number, 1 = the lane nearest the kerb in this direction; 0 = all lanes of the direction together (see {@link Limits#WHOLE_DIRECTION})
 * @param counts         vehicles per class; classes of the interval's scheme only; absent classes are zero
 * @param meanSpeedKmh   arithmetic mean speed, or null when the device measures no speed or saw no vehicle
 * @param v85Kmh         speed not exceeded by 85 % of the vehicles, or null
 * @param speedHistogram speed distribution, or null
 * @param occupancy      share of the interval the detector was occupied, 0–1, or null
 */
public record LaneInterval(
        int lane,
        Direction direction,
        Map<VehicleClass, Integer> counts,
        Double meanSpeedKmh,
        Double v85Kmh,
        SpeedHistogram speedHistogram,
        Double occupancy) {

    public LaneInterval {
        EnumMap<VehicleClass, Integer> copy = new EnumMap<>(VehicleClass.class);
        copy.putAll(counts);
        counts = Collections.unmodifiableMap(copy);
    }

    public int count(VehicleClass vehicleClass) {
        return counts.getOrDefault(vehicleClass, 0);
    }

    /** All vehicles (Kfz). */
    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Heavy vehicles (SV). */
    public int heavy() {
        return counts.entrySet().stream().filter(e -> e.getKey().heavy()).mapToInt(Map.Entry::getValue).sum();
    }
}
