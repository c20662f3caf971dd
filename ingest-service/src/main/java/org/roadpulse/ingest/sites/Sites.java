package org.roadpulse.ingest.sites;

import io.micronaut.core.annotation.Nullable;
import org.roadpulse.ingest.access.Visibility;

import java.util.List;
import java.util.Optional;

/**
 * The measurement sites and which devices count at each. People's requests go through {@link #seenBy}: a site of a
 * municipality the caller may not see is not found, exactly like one that does not exist.
 */
public interface Sites {

    Optional<MeasurementSite> find(String id);

    /** Every site, or those of one municipality (AGS), ordered by id. */
    List<MeasurementSite> list(@Nullable String municipality);

    /** The same sites as {@code visibility} lets a caller see them. */
    default Sites seenBy(Visibility visibility) {
        Sites all = this;
        return new Sites() {
            @Override
            public Optional<MeasurementSite> find(String id) {
                return all.find(id).filter(site -> visibility.includes(site.municipality()));
            }

            @Override
            public List<MeasurementSite> list(@Nullable String municipality) {
                return all.list(municipality).stream().filter(site -> visibility.includes(site.municipality()))
                        .toList();
            }
        };
    }
}
