package org.roadpulse.roadai.service.http;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.roadpulse.roadai.maintenance.PriorityWeights;
import org.roadpulse.roadai.service.queue.InvalidParameterException;
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

    private final PgMunicipalities municipalities;
    private final Scope scope;

    MunicipalityController(PgMunicipalities municipalities, Scope scope) {
        this.municipalities = municipalities;
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
    @Operation(summary = "Sets the municipality's priority weights; the list is ranked with them at once")
    Weights setWeights(String ags, @Body Weights weights) {
        String scoped = scope.of(ags).ags();
        municipalities.saveWeights(scoped, weights.toWeights());
        return Weights.of(municipalities.weights(scoped));
    }
}
