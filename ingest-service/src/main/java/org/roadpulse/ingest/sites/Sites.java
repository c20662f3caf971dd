package org.roadpulse.ingest.sites;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Optional;

/** The measurement sites and which devices count at each. */
public interface Sites {

    Optional<MeasurementSite> find(String id);

    /** Every site, or those of one municipality (AGS), ordered by id. */
    List<MeasurementSite> list(@Nullable String municipality);
}
