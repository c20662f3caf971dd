package org.roadpulse.roadai.service.http;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.roadpulse.roadai.maintenance.PriorityWeights;
import org.roadpulse.roadai.service.queue.InvalidParameterException;
import org.roadpulse.roadai.service.storage.PgAuditTrail;
import org.roadpulse.roadai.service.storage.PgMunicipalities;

/** The municipalities and how each weighs what makes an item urgent. */
@Controller("/api/v1/municipalities")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Municipalities")
final class MunicipalityController {

    /** {@link PriorityWeights} as JSON; see its documentation for each field. */
    @Serdeable
    record Weights(double grade, double traffic, double roadClass, double age, double certainty,
                   double safetyPotholeSquareMetres, double heavyVehicleFactor, double trafficForFullPoints,
                   int ageForFullPointsDays) {
        static Weights of(PriorityWeights w) {
            return new Weights(w.grade(), w.traffic(), w.roadClass(), w.age(), w.certainty(),
                    w.safetyPotholeSquareMetres(), w.heavyVehicleFactor(), w.trafficForFullPoints(),
                    w.ageForFullPointsDays());
        }

        PriorityWeights toWeights() {
            try {
                return new PriorityWeights(grade, traffic, roadClass, age, certainty, safetyPotholeSquareMetres,
                        heavyVehicleFactor, trafficForFullPoints, ageForFullPointsDays);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("weights", e.getMessage());
            }
        }
    }

    private static final int MAX_AUDIT_ENTRIES = 1000;

    private final PgMunicipalities municipalities;
    private final PgAuditTrail auditTrail;
    private final Scope scope;

    MunicipalityController(PgMunicipalities municipalities, PgAuditTrail auditTrail, Scope scope) {
        this.municipalities = municipalities;
        this.auditTrail = auditTrail;
        this.scope = scope;
    }

    @Get
    @Operation(summary = "The municipalities with a maintenance queue (AGS, name, area as [minLon, minLat, maxLon, maxLat])")
    List<Replies.MunicipalityReply> all() {
        return municipalities.all().stream().map(Replies.MunicipalityReply::of).toList();
    }

    @Get("/{ags}/weights")
    @Operation(summary = "The municipality's priority weights (the defaults until it sets its own)")
    Weights weights(String ags) {
        return Weights.of(municipalities.weights(scope.of(ags).ags()));
    }

    @Put("/{ags}/weights")
    @Operation(summary = "Sets the municipality's priority weights; the list is ranked with them at once",
            description = "Header `X-RoadPulse-User`: who changes them (required; kept in the audit trail).")
    Weights setWeights(String ags, @Header(ActingUser.HEADER) @Nullable String who, @Body Weights weights) {
        String scoped = scope.of(ags).ags();
        String by = ActingUser.required(who);
        municipalities.saveWeights(scoped, weights.toWeights(), by, Instant.now());
        return Weights.of(municipalities.weights(scoped));
    }

    @Get("/{ags}/audit")
    @Operation(summary = "The municipality's audit trail, newest first: weight changes, road imports, item actions",
            description = "`limit`: how many entries (default 200, at most 1000).")
    List<Replies.AuditReply> audit(String ags, @QueryValue(defaultValue = "200") int limit) {
        if (limit < 1 || limit > MAX_AUDIT_ENTRIES) {
            throw new InvalidParameterException("limit", "limit must be 1 to " + MAX_AUDIT_ENTRIES);
        }
        return auditTrail.of(scope.of(ags).ags(), limit).stream().map(Replies.AuditReply::of).toList();
    }
}
