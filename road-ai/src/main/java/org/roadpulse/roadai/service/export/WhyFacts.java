package org.roadpulse.roadai.service.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import org.roadpulse.roadai.maintenance.TermFacts;
import org.roadpulse.roadai.maintenance.Traffic;
import org.roadpulse.roadai.roads.RoadClass;

/**
 * The facts of one "why here" term as flat JSON for the API and the GeoJSON export: only the fields of its term are
 * written (unlike the rest of the API, which writes nulls), so each term reads as what it was computed from.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "What the term was computed from; only the fields of its term are present")
public record WhyFacts(
        @Schema(description = "safety: the item's largest pothole in m² (0 without one)") @Nullable Double largestPotholeM2,
        @Schema(description = "safety: a pothole this large (m²) or larger is safety-critical") @Nullable Double safetyPotholeM2,
        @Schema(description = "safety: whether the item goes first") @Nullable Boolean safetyCritical,
        @Schema(description = "grade: the ZEB condition grade 1.0–5.0") @Nullable Double grade,
        @Schema(description = "traffic: average daily vehicles") @Nullable Double dtv,
        @Schema(description = "traffic: share of heavy vehicles, 0–1") @Nullable Double heavyShare,
        @Schema(description = "traffic: where DTV and heavy share come from", allowableValues = {"measured",
                "road-class-default", "flow-api-not-configured", "flow-api-unavailable", "flow-api-refused", "no-complete-day"})
        @Nullable String source,
        @Schema(description = "traffic: the road's measurement site (every source but road-class-default)") @Nullable String siteId,
        @Schema(description = "traffic, measured: first day of the period (ISO date)") @Nullable String from,
        @Schema(description = "traffic, measured: last day of the period (ISO date)") @Nullable String to,
        @Schema(description = "roadClass: the road's class; traffic, not measured: the class whose default DTV is used",
                allowableValues = {"federal", "state", "district", "municipal-main", "residential", "path"})
        @Nullable String roadClass,
        @Schema(description = "age: whole days since a drive first found the damage") @Nullable Long days,
        @Schema(description = "certainty: the model's confidence 0–1, or 1 once confirmed") @Nullable Double certainty,
        @Schema(description = "certainty: staff confirmed the damage") @Nullable Boolean confirmed) {

    public static WhyFacts of(TermFacts facts) {
        if (facts instanceof TermFacts.Safety s) {
            return new WhyFacts(s.largestPotholeM2(), s.safetyPotholeM2(), s.critical(), null, null, null, null, null,
                    null, null, null, null, null, null);
        }
        if (facts instanceof TermFacts.Condition c) {
            return new WhyFacts(null, null, null, c.grade().value(), null, null, null, null, null, null, null, null,
                    null, null);
        }
        if (facts instanceof TermFacts.Load l) {
            return traffic(l.traffic());
        }
        if (facts instanceof TermFacts.Road r) {
            return new WhyFacts(null, null, null, null, null, null, null, null, null, null, code(r.roadClass()), null,
                    null, null);
        }
        if (facts instanceof TermFacts.Age a) {
            return new WhyFacts(null, null, null, null, null, null, null, null, null, null, null, a.days(), null, null);
        }
        if (facts instanceof TermFacts.Certainty c) {
            return new WhyFacts(null, null, null, null, null, null, null, null, null, null, null, null, c.certainty(),
                    c.confirmed());
        }
        throw new IllegalArgumentException("facts of an unknown term: " + facts);
    }

    private static WhyFacts traffic(Traffic traffic) {
        String site = null;
        String from = null;
        String to = null;
        String roadClass = null;
        if (traffic.source() instanceof Traffic.Measured m) {
            site = m.siteId();
            from = m.from().toString();
            to = m.to().toString();
        } else if (traffic.source() instanceof Traffic.Assumed a) {
            site = a.siteId();
            roadClass = code(a.roadClass());
        }
        return new WhyFacts(null, null, null, null, traffic.dtv(), traffic.heavyShare(), traffic.source().code(), site,
                from, to, roadClass, null, null, null);
    }

    /** The road class as a road import names it: {@code state}, {@code municipal-main}, … */
    static String code(RoadClass roadClass) {
        return roadClass.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
