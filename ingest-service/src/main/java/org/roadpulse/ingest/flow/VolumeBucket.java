package org.roadpulse.ingest.flow;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * Vehicles in one bucket of a series. Values are null where nothing was measured: a gap is not a zero.
 *
 * @param volumes      category of the class group → vehicles (null: no vehicle was counted at that granularity)
 * @param coarser      vehicles counted at a coarser scheme than the group asks for, in no category of it
 * @param heavyShare   heavy vehicles (SV) in percent of all
 * @param v85Kmh       from the summed speed histograms; null without histograms
 */
public record VolumeBucket(
        Instant start,
        Instant end,
        Map<String, Long> volumes,
        @Nullable Long total,
        @Nullable Long heavy,
        long coarser,
        @Nullable Double heavyShare,
        @Nullable Double meanSpeedKmh,
        @Nullable Double v85Kmh,
        Completeness completeness) {

    public boolean measured() {
        return total != null;
    }
}
