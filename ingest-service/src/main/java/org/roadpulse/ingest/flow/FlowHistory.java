package org.roadpulse.ingest.flow;

import org.roadpulse.ingest.sites.MeasurementSite;

import java.util.List;

/** Answers planners' questions from the stored counts. */
public interface FlowHistory {

    /** One series per site (per site and direction when split by direction), in the order of the query's sites. */
    List<VolumeSeries> volumes(FlowQuery query);

    /** The standard figures per site (per site and direction when split by direction) over the period. */
    List<StandardFigures> figures(List<MeasurementSite> sites, Period period, Split split, FigureDetail detail);
}
