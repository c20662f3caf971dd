package org.roadpulse.ingest.flow;

import org.roadpulse.ingest.sites.MeasurementSite;

import java.util.List;

/** A planner's question for the standard figures: these sites over these whole local days, split so. */
public record FigureQuery(List<MeasurementSite> sites, Period period, Split split, FigureDetail detail) {

    public FigureQuery {
        sites = List.copyOf(sites);
    }
}
