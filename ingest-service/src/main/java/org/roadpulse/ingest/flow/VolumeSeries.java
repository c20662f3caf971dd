package org.roadpulse.ingest.flow;

import io.micronaut.core.annotation.Nullable;
import org.roadpulse.protocol.Direction;

import java.util.List;

/** A site's volumes over a period, bucket by bucket, for the cross-section ({@code direction} null) or one direction. */
public record VolumeSeries(
        String siteId,
        @Nullable Direction direction,
        ClassGroup classes,
        Bucket bucket,
        List<VolumeBucket> buckets) {

    public VolumeSeries {
        buckets = List.copyOf(buckets);
    }
}
