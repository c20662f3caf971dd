package org.roadpulse.ingest.flow;

import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.protocol.Direction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a site's volume series from its devices' rows: counts add up over devices and directions, while measured
 * time per direction is the best-covered device's (two devices on one direction count its lanes, not its time twice).
 */
public final class SeriesAssembler {

    private SeriesAssembler() {
    }

    /** @param rows the site's rows by bucket start */
    public static List<VolumeSeries> assemble(FlowQuery query, MeasurementSite site, Map<Instant, List<StreamRow>> rows) {
        List<VolumeSeries> series = new ArrayList<>();
        if (query.split() == Split.CROSS_SECTION) {
            series.add(series(query, site, null, rows));
        } else {
            for (Direction direction : site.directions()) {
                series.add(series(query, site, direction, rows));
            }
        }
        return series;
    }

    private static VolumeSeries series(FlowQuery query, MeasurementSite site, Direction only,
                                       Map<Instant, List<StreamRow>> rows) {
        Set<Direction> directions = only == null ? site.directions() : Set.of(only);
        List<VolumeBucket> buckets = new ArrayList<>();
        for (Bucket.Span span : query.bucket().spans(query.period())) {
            List<StreamRow> inSpan = rows.getOrDefault(span.start(), List.of());
            buckets.add(bucket(query.classes(), span, directions, inSpan));
        }
        return new VolumeSeries(site.id(), only, query.classes(), query.bucket(), buckets);
    }

    private static VolumeBucket bucket(ClassGroup classes, Bucket.Span span, Set<Direction> directions,
                                       List<StreamRow> rows) {
        CountSums sums = new CountSums();
        Map<Direction, Long> measured = new HashMap<>();
        boolean any = false;
        for (StreamRow row : rows) {
            if (directions.contains(row.direction())) {
                sums.add(row.sums());
                measured.merge(row.direction(), Math.min(span.seconds(), row.measuredSeconds()), Math::max);
                any = true;
            }
        }
        Completeness completeness = new Completeness(measured.values().stream().mapToLong(Long::longValue).sum(),
                span.seconds() * directions.size());
        if (!any) {
            Map<String, Long> nothing = new java.util.LinkedHashMap<>();
            classes.categories().keySet().forEach(name -> nothing.put(name, null));
            return new VolumeBucket(span.start(), span.end(), nothing, null, null, 0, null, null, null, completeness);
        }
        return new VolumeBucket(span.start(), span.end(), sums.volumes(classes), sums.total(), sums.heavy(),
                sums.coarser(classes), sums.heavySharePercent(), sums.meanSpeedKmh(), sums.speedPercentileKmh(0.85),
                completeness);
    }
}
