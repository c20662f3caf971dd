package org.roadpulse.ingest.bench;

import org.roadpulse.ingest.sites.MeasurementSite;

import java.util.ArrayList;
import java.util.List;

/** Benchmark sites spread over the four Saarland model municipalities, one device each. */
final class BenchmarkSites {

    private static final String[] MUNICIPALITIES = {"10045111", "10042114", "10044113", "10046118"};

    private BenchmarkSites() {
    }

    static List<MeasurementSite> create(int count) {
        List<MeasurementSite> sites = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = String.format("bench-site-%03d", i);
            sites.add(new MeasurementSite(id, MUNICIPALITIES[i % 4], "Benchmark site " + i, "Hauptstraße", null,
                    49.3 + i * 0.001, 6.9 + i * 0.001, 1, 1, null, null, 50, List.of(id)));
        }
        return sites;
    }
}
