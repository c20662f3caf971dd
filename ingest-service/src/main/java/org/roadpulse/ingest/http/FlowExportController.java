package org.roadpulse.ingest.http;

import io.swagger.v3.oas.annotations.Parameter;
import org.roadpulse.ingest.access.Caller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.flow.FigureQuery;
import org.roadpulse.ingest.flow.FlowHistory;
import org.roadpulse.ingest.flow.FlowQuery;
import org.roadpulse.ingest.flow.FlowRequestException;
import org.roadpulse.ingest.flow.FlowRequests;
import org.roadpulse.ingest.flow.FlowUnavailableException;
import org.roadpulse.ingest.flow.export.CsvDialect;
import org.roadpulse.ingest.flow.export.CsvExport;
import org.roadpulse.ingest.flow.export.Datex2Export;
import org.roadpulse.ingest.flow.export.NgsiLdExport;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.ingest.sites.Sites;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * The flow API's answers in planners' exchange formats: CSV for spreadsheets (comma, or semicolon with decimal
 * commas for German Excel), DATEX II v3 for the national access point, FIWARE NGSI-LD for smart-city platforms.
 * Same parameters, same refusals as {@link FlowController}.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = ApiDocument.EXPORTS)
@ApiResponse(responseCode = "400", description = FlowParameters.REFUSALS)
@ApiResponse(responseCode = "503", description = ApiDocument.UNAVAILABLE)
@Secured({AccessRules.PLANNER, AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
public final class FlowExportController {

    private static final String CSV = "text/csv; charset=utf-8";
    private static final String LD_JSON = "application/ld+json";

    private final FlowHistory history;
    private final Sites sites;
    private final IngestSettings.Flow settings;

    FlowExportController(FlowHistory history, Sites sites, IngestSettings.Flow settings) {
        this.history = history;
        this.sites = sites;
        this.settings = settings;
    }

    /** The requests of one caller: sites of other municipalities are unknown to them. */
    private FlowRequests requests(Caller caller) {
        return new FlowRequests(sites.seenBy(caller.visibility()), settings.zoneId());
    }

    @Get(uri = "/flow/volumes.csv", produces = CSV)
    @Operation(summary = "Volumes as CSV", description = """
            The volumes query as a download: one row per site, direction (empty for the cross-section) and bucket, \
            with local start and end, one column per category, total, heavy, coarser, heavy share, speeds and \
            completeness. Unmeasured values are empty cells, never 0.""")
    @ApiResponse(responseCode = "200", description = "The file roadpulse-volumes.csv",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    HttpResponse<byte[]> volumesCsv(@Parameter(hidden = true) Caller caller, @QueryValue @Nullable @FlowParameters.Sites String sites,
                                    @QueryValue @Nullable @FlowParameters.From String from,
                                    @QueryValue @Nullable @FlowParameters.To String to,
                                    @QueryValue @Nullable @FlowParameters.Bucket String bucket,
                                    @QueryValue @Nullable @FlowParameters.Split String split,
                                    @QueryValue @Nullable @FlowParameters.Classes String classes,
                                    @QueryValue @Nullable @FlowParameters.Format String format) {
        CsvExport csv = new CsvExport(dialect(format));
        FlowQuery query = requests(caller).volumes(sites, from, to, bucket, split, classes);
        return attachment("volumes.csv", CSV, out -> csv.writeVolumes(query, history.volumes(query), out));
    }

    @Get(uri = "/flow/figures.csv", produces = CSV)
    @Operation(summary = "Standard figures as CSV",
            description = "The figures query as a download: one row per site and direction; period in whole days.")
    @ApiResponse(responseCode = "200", description = "The file roadpulse-figures.csv",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    HttpResponse<byte[]> figuresCsv(@Parameter(hidden = true) Caller caller, @QueryValue @Nullable @FlowParameters.Sites String sites,
                                    @QueryValue @Nullable @FlowParameters.From String from,
                                    @QueryValue @Nullable @FlowParameters.To String to,
                                    @QueryValue @Nullable @FlowParameters.Split String split,
                                    @QueryValue @Nullable @FlowParameters.Format String format,
                                    @QueryValue @Nullable @FlowParameters.Figures String figures) {
        CsvExport csv = new CsvExport(dialect(format));
        FigureQuery query = requests(caller).figures(sites, from, to, split, figures);
        return attachment("figures.csv", CSV, out -> csv.writeFigures(query.sites(),
                history.figures(query.sites(), query.period(), query.split(), query.detail()), out));
    }

    @Get(uri = "/flow/volumes.datex2.xml", produces = MediaType.APPLICATION_XML)
    @Operation(summary = "Volumes as DATEX II v3.6 MeasuredDataPublication", description = """
            One `SiteMeasurements` per site and bucket: flows in vehicles per hour over the bucket's real length, \
            per DATEX vehicle type where a category maps to one, the measured share as \
            `supplierCalculatedDataQuality`, mean speed and 85th percentile; an unmeasured bucket carries a \
            `noDataValuesAvailable` fault instead of values. The indexes are declared by `/api/v1/sites.datex2.xml`.""")
    @ApiResponse(responseCode = "200", description = "The file roadpulse-volumes.datex2.xml",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = "string")))
    HttpResponse<byte[]> volumesDatex2(@Parameter(hidden = true) Caller caller, @QueryValue @Nullable @FlowParameters.Sites String sites,
                                       @QueryValue @Nullable @FlowParameters.From String from,
                                       @QueryValue @Nullable @FlowParameters.To String to,
                                       @QueryValue @Nullable @FlowParameters.Bucket String bucket,
                                       @QueryValue @Nullable @FlowParameters.Split String split,
                                       @QueryValue @Nullable @FlowParameters.Classes String classes) {
        FlowQuery query = requests(caller).volumes(sites, from, to, bucket, split, classes);
        return attachment("volumes.datex2.xml", MediaType.APPLICATION_XML,
                out -> datex2().writeMeasuredData(query, history.volumes(query), out));
    }

    @Get(uri = "/sites.datex2.xml", produces = MediaType.APPLICATION_XML)
    @Operation(summary = "Measurement sites as DATEX II v3.6 MeasurementSiteTablePublication", description = """
            Every index the measured data uses, in one fixed scheme for all sites (cross-section 0, forward 100, \
            backward 200; within each, speed 1, all vehicles 2, heavy 3, then one number per category). With no site \
            (in the municipality, if one is named) the answer is a 400 `sites.none`.""")
    @ApiResponse(responseCode = "200", description = "The file roadpulse-sites.datex2.xml",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = "string")))
    HttpResponse<byte[]> sitesDatex2(@Parameter(hidden = true) Caller caller, @QueryValue @Nullable @FlowParameters.Municipality String municipality) {
        List<MeasurementSite> all = this.sites.seenBy(caller.visibility()).list(municipality);
        if (all.isEmpty()) {
            throw new FlowRequestException("sites.none", "municipality", municipality == null
                    ? "there are no measurement sites yet" : "no measurement sites in municipality " + municipality);
        }
        return attachment("sites.datex2.xml", MediaType.APPLICATION_XML, out -> datex2().writeSiteTable(all, out));
    }

    @Get(uri = "/flow/volumes.ngsi-ld.json", produces = LD_JSON)
    @Operation(summary = "Volumes as FIWARE NGSI-LD TrafficFlowObserved entities", description = """
            A JSON array of entities in keyValues form, each with its own `@context`: one per site, direction and \
            measured bucket \
            (`urn:ngsi-ld:TrafficFlowObserved:<site>:<direction>:<start>`), plus one per category that the data \
            model's `vehicleType` names exactly.""")
    @ApiResponse(responseCode = "200", description = "The file roadpulse-volumes.ngsi-ld.json",
            content = @Content(mediaType = LD_JSON, schema = @Schema(type = "array")))
    HttpResponse<byte[]> volumesNgsiLd(@Parameter(hidden = true) Caller caller, @QueryValue @Nullable @FlowParameters.Sites String sites,
                                       @QueryValue @Nullable @FlowParameters.From String from,
                                       @QueryValue @Nullable @FlowParameters.To String to,
                                       @QueryValue @Nullable @FlowParameters.Bucket String bucket,
                                       @QueryValue @Nullable @FlowParameters.Split String split,
                                       @QueryValue @Nullable @FlowParameters.Classes String classes) {
        FlowQuery query = requests(caller).volumes(sites, from, to, bucket, split, classes);
        return attachment("volumes.ngsi-ld.json", LD_JSON,
                out -> new NgsiLdExport().write(query, history.volumes(query), out));
    }

    @Error(exception = FlowRequestException.class)
    HttpResponse<?> refused(FlowRequestException e) {
        return HttpResponse.badRequest(new Replies.Error(e.reason(), e.parameter(), e.getMessage()));
    }

    @Error(exception = FlowUnavailableException.class)
    HttpResponse<?> unavailable(FlowUnavailableException e) {
        return HttpReplies.unavailable("flow history unavailable, try again shortly");
    }

    private Datex2Export datex2() {
        return new Datex2Export(settings.publisher(), Clock.systemUTC());
    }

    private static CsvDialect dialect(@Nullable String format) {
        if (format == null || format.isBlank()) {
            return CsvDialect.fromWireName("comma").orElseThrow();
        }
        return CsvDialect.fromWireName(format.trim()).orElseThrow(() -> new FlowRequestException("format.unknown",
                "format", "unknown CSV format '" + format + "': use one of " + CsvDialect.wireNames()));
    }

    private interface Body {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    private static MutableHttpResponse<byte[]> attachment(String fileName, String contentType, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(out.toByteArray()).contentType(contentType)
                .header("Content-Disposition", "attachment; filename=\"roadpulse-" + fileName + "\"");
    }
}
