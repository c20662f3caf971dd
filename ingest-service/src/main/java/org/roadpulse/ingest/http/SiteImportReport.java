package org.roadpulse.ingest.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.roadpulse.protocol.Rejection;

import java.util.List;

/**
 * What a GeoJSON import did, feature by feature, in the order of the upload.
 *
 * @param imported features stored (created or replaced)
 * @param refused  features not stored; each says why
 */
@Serdeable
record SiteImportReport(int imported, int refused, List<Outcome> features) {

    static final String IMPORTED = "imported";
    static final String REFUSED = "refused";

    static SiteImportReport of(List<Outcome> outcomes) {
        int imported = (int) outcomes.stream().filter(o -> IMPORTED.equals(o.status())).count();
        return new SiteImportReport(imported, outcomes.size() - imported, outcomes);
    }

    /**
     * @param index   the feature's position in the upload's {@code features}
     * @param id      the site id, when the feature names one
     * @param status  {@value #IMPORTED} or {@value #REFUSED}
     * @param created for an imported feature: true when the site is new, false when it replaced one
     * @param field   for a refused feature: the path in the upload, e.g. {@code features[2].properties.municipality}
     */
    @Serdeable
    record Outcome(int index, @Nullable String id, String status, @Nullable Boolean created,
                   @Nullable String reason, @Nullable String field, @Nullable String message) {

        static Outcome imported(int index, String id, boolean created) {
            return new Outcome(index, id, IMPORTED, created, null, null, null);
        }

        static Outcome refused(int index, @Nullable String id, Rejection rejection) {
            return new Outcome(index, id, REFUSED, null, rejection.reason(), rejection.field(), rejection.message());
        }
    }
}
