package org.roadpulse.roadai.service.http;

import org.roadpulse.roadai.service.access.Staff;
import io.swagger.v3.oas.annotations.Parameter;
import io.micronaut.security.annotation.Secured;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
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
@Secured({AccessRules.MAINTENANCE, AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
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
    List<Replies.MunicipalityReply> all(@Parameter(hidden = true) Staff staff) {
        return municipalities.all().stream().filter(municipality -> staff.worksIn(municipality.ags()))
                .map(Replies.MunicipalityReply::of).toList();
    }

    @Get("/{ags}/weights")
    @Operation(summary = "The municipality's priority weights (the defaults until it sets its own)")
    Weights weights(String ags, @Parameter(hidden = true) Staff staff) {
        return Weights.of(municipalities.weights(scope.of(ags, staff).ags()));
    }

    @Put("/{ags}/weights")
    @Operation(summary = "Sets the municipality's priority weights; the list is ranked with them at once",
            description = "Municipal admins and operators; the audit trail keeps who changed them.")
    @Secured({AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
    Weights setWeights(String ags, @Parameter(hidden = true) Staff staff, @Body Weights weights) {
        String scoped = scope.of(ags, staff).ags();
        municipalities.saveWeights(scoped, weights.toWeights(), staff.username(), Instant.now());
        return Weights.of(municipalities.weights(scoped));
    }

    @Get("/{ags}/audit")
    @Operation(summary = "The municipality's audit trail, newest first: weight changes, road imports, item actions",
            description = "Municipal admins and operators. `limit`: how many entries (default 200, at most 1000).")
    @Secured({AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
    List<Replies.AuditReply> audit(String ags, @Parameter(hidden = true) Staff staff,
                                   @QueryValue(defaultValue = "200") int limit) {
        if (limit < 1 || limit > MAX_AUDIT_ENTRIES) {
            throw new InvalidParameterException("limit", "limit must be 1 to " + MAX_AUDIT_ENTRIES);
        }
        return auditTrail.of(scope.of(ags, staff).ags(), limit).stream().map(Replies.AuditReply::of).toList();
    }
}
