package org.roadpulse.ingest.storage;

import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.LaneInterval;
import org.roadpulse.protocol.SpeedHistogram;
import org.roadpulse.protocol.VehicleClass;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes {@code count_record} rows in PostgreSQL's COPY text format: one line per lane and direction, tab between
 * columns, {@code \N} for NULL. A class of the interval's scheme is written as counted (0 when the payload left it
 * out); a class outside the scheme is NULL, so nothing finer than what was measured appears.
 */
final class CountRecordRows {

    private static final VehicleClass[] CLASSES = VehicleClass.values();

    /** The target columns, in the order {@link #append} writes them. */
    static final String COLUMNS = "device_id, seq, interval_start, length_s, lane, direction, scheme, "
            + Arrays.stream(CLASSES).map(CountRecordRows::column).collect(Collectors.joining(", "))
            + ", total, heavy, mean_speed, v85, speed_bin_kmh, speed_hist, occupancy";

    private CountRecordRows() {
    }

    /** The column of a vehicle class. */
    static String column(VehicleClass vehicleClass) {
        return switch (vehicleClass) {
            case KRAD -> "krad";
            case PKW -> "pkw";
            case LFW -> "lfw";
            case PKW_A -> "pkw_a";
            case LKW -> "lkw";
            case LKW_A -> "lkw_a";
            case SATTEL_KFZ -> "sattel_kfz";
            case BUS -> "bus";
            case PKW_GRUPPE -> "pkw_gruppe";
            case LKW_A_SATTEL_KFZ -> "lkw_a_sattel_kfz";
            case PKW_AEHNLICH -> "pkw_aehnlich";
            case LKW_AEHNLICH -> "lkw_aehnlich";
            case NK_KFZ -> "nk_kfz";
        };
    }

    static void append(CountInterval interval, StringBuilder out) {
        ClassScheme scheme = interval.scheme();
        String start = interval.start().toString();
        for (LaneInterval lane : interval.lanes()) {
            text(out, interval.deviceId()).append('\t')
                    .append(interval.seq()).append('\t')
                    .append(start).append('\t')
                    .append(interval.lengthSeconds()).append('\t')
                    .append(lane.lane()).append('\t')
                    .append(lane.direction().wireName()).append('\t')
                    .append(scheme.wireName());
            for (VehicleClass vehicleClass : CLASSES) {
                out.append('\t');
                if (scheme.contains(vehicleClass)) {
                    out.append(lane.count(vehicleClass));
                } else {
                    out.append("\\N");
                }
            }
            out.append('\t').append(lane.total())
                    .append('\t').append(lane.heavy());
            number(out.append('\t'), lane.meanSpeedKmh());
            number(out.append('\t'), lane.v85Kmh());
            histogram(out, lane.speedHistogram());
            number(out.append('\t'), lane.occupancy());
            out.append('\n');
        }
    }

    private static void histogram(StringBuilder out, SpeedHistogram histogram) {
        if (histogram == null) {
            out.append("\t\\N\t\\N");
            return;
        }
        out.append('\t').append(histogram.binWidthKmh()).append("\t{");
        int[] counts = histogram.counts();
        for (int i = 0; i < counts.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(counts[i]);
        }
        out.append('}');
    }

    private static void number(StringBuilder out, Double value) {
        if (value == null) {
            out.append("\\N");
        } else {
            out.append(value.doubleValue());
        }
    }

    /** Text with COPY's special characters escaped (device ids never have any; this keeps it so for any text). */
    private static StringBuilder text(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }
}
