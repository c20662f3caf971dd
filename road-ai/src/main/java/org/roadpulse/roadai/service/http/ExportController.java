package org.roadpulse.roadai.service.http;

import org.roadpulse.roadai.service.access.Staff;
import io.swagger.v3.oas.annotations.Parameter;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.roadpulse.roadai.service.export.ItemsCsv;
import org.roadpulse.roadai.service.export.ItemsGeoJson;
import org.roadpulse.roadai.service.export.OpenCvLabelledDataset;
import org.roadpulse.roadai.service.queue.ItemFilter;
import org.roadpulse.roadai.service.queue.ItemRanking;
import org.roadpulse.roadai.service.storage.PgDetections;
import org.roadpulse.roadai.service.storage.PgSurveyImages;

/** The list for spreadsheets and GIS, and the judged detections as a training set. */
@Controller("/api/v1/municipalities/{ags}")
@Secured({AccessRules.MAINTENANCE, AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Exports")
final class ExportController {

    private final Scope scope;
    private final ItemRanking ranking;
    private final PgDetections detections;
    private final PgSurveyImages images;

    ExportController(Scope scope, ItemRanking ranking, PgDetections detections, PgSurveyImages images) {
        this.scope = scope;
        this.ranking = ranking;
        this.detections = detections;
        this.images = images;
    }

    @Get(uri = "/items.csv", produces = "text/csv; charset=utf-8")
    @Operation(summary = "The list as CSV, in list order, with the same filters as the list")
    HttpResponse<String> csv(String ags, @Parameter(hidden = true) Staff staff, @QueryValue @Nullable String status,
                             @QueryValue("class") @Nullable String damageClass, @QueryValue @Nullable String grade) {
        String scoped = scope.of(ags, staff).ags();
        String body = ItemsCsv.of(ranking.rank(scoped, ItemFilter.parse(status, damageClass, grade)));
        return attachment(HttpResponse.ok(body), "maintenance-" + scoped + "-" + LocalDate.now() + ".csv");
    }

    @Get(uri = "/items.geojson", produces = "application/geo+json")
    @Operation(summary = "The list as GeoJSON points (for QGIS), with the same filters as the list")
    HttpResponse<String> geoJson(String ags, @Parameter(hidden = true) Staff staff, @QueryValue @Nullable String status,
                                 @QueryValue("class") @Nullable String damageClass,
                                 @QueryValue @Nullable String grade) {
        String scoped = scope.of(ags, staff).ags();
        String body = ItemsGeoJson.of(ranking.rank(scoped, ItemFilter.parse(status, damageClass, grade)));
        return attachment(HttpResponse.ok(body), "maintenance-" + scoped + "-" + LocalDate.now() + ".geojson");
    }

    @Get(uri = "/dataset.zip", produces = "application/zip")
    @Operation(summary = "Confirmed and rejected detections as a labelled data set for retraining", description = """
            Class folders as the training tool reads them: `crack/`, `pothole/` (items staff confirmed, scheduled \
            or repaired) and `no_damage/` (rejected items), each a cut of the anonymised image, and `labels.csv`.""")
    HttpResponse<byte[]> dataset(String ags, @Parameter(hidden = true) Staff staff) {
        String scoped = scope.of(ags, staff).ags();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try {
            OpenCvLabelledDataset.write(detections.labelled(scoped), id -> images.picture(scoped, id, false), zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return attachment(HttpResponse.ok(zip.toByteArray()), "dataset-" + scoped + ".zip");
    }

    private static <T> HttpResponse<T> attachment(io.micronaut.http.MutableHttpResponse<T> response, String name) {
        return response.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
}
