package org.roadpulse.ingest.testdoubles;

import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.ingest.sites.Sites;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Sites held in memory, for tests of code that only reads them. */
public final class InMemorySites implements Sites {

    private final Map<String, MeasurementSite> sites = new TreeMap<>();

    public InMemorySites(MeasurementSite... sites) {
        for (MeasurementSite site : sites) {
            this.sites.put(site.id(), site);
        }
    }

    @Override
    public Optional<MeasurementSite> find(String id) {
        return Optional.ofNullable(sites.get(id));
    }

    @Override
    public List<MeasurementSite> list(String municipality) {
        return sites.values().stream().filter(s -> municipality == null || s.municipality().equals(municipality))
                .toList();
    }
}
