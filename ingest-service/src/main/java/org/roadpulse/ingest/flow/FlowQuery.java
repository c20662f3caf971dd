package org.roadpulse.ingest.flow;

import org.roadpulse.ingest.sites.MeasurementSite;

import java.util.List;

/** What a planner asks: these sites, this period, in these buckets, split so, grouped by these classes. */
public record FlowQuery(List<MeasurementSite> sites, Period period, Bucket bucket, Split split, ClassGroup classes) {

    public FlowQuery {
        sites = List.copyOf(sites);
    }
}
