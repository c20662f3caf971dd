package org.roadpulse.ingest.http;

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
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.flow.FlowHistory;
import org.roadpulse.ingest.flow.FlowQuery;
import org.roadpulse.ingest.flow.FlowRequestException;
import org.roadpulse.ingest.flow.FlowRequests;
import org.roadpulse.ingest.flow.FlowUnavailableException;
import org.roadpulse.ingest.flow.Period;
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
public final class FlowExportController {

    private static final String CSV = "text/csv; charset=utf-8";
    private static final String LD_JSON = "application/ld+json";

    private final FlowHistory history;
    private final Sites sites;
    private final FlowRequests requests;
    private final IngestSettings.Flow settings;

    FlowExportController(FlowHistory history, Sites sites, IngestSettings.Flow settings) {
        this.history = history;
        this.sites = sites;
        this.settings = settings;
        this.requests = new FlowRequests(sites, settings.zoneId());
    }

    @Get(uri = "/flow/volumes.csv", produces = CSV)
    HttpResponse<byte[]> volumesCsv(@QueryValue @Nullable String sites, @QueryValue @Nullable String from,
                                    @QueryValue @Nullable String to, @QueryValue @Nullable String bucket,
                                    @QueryValue @Nullable String split, @QueryValue @Nullable String classes,
                                    @QueryValue @Nullable String format) {
        CsvExport csv = new CsvExport(dialect(format));
        FlowQuery query = requests.volumes(sites, from, to, bucket, split, classes);
        return attachment("volumes.csv", CSV, out -> csv.writeVolumes(query, history.volumes(query), out));
    }

    @Get(uri = "/flow/figures.csv", produces = CSV)
    HttpResponse<byte[]> figuresCsv(@QueryValue @Nullable String sites, @QueryValue @Nullable String from,
                                    @QueryValue @Nullable String to, @QueryValue @Nullable String split,
                                    @QueryValue @Nullable String format) {
        CsvExport csv = new CsvExport(dialect(format));
        List<MeasurementSite> chosen = requests.sites(sites);
        Period period = requests.wholeDays(requests.period(from, to));
        return attachment("figures.csv", CSV, out -> csv.writeFigures(chosen,
                history.figures(chosen, period, requests.split(split)), out));
    }

    @Get(uri = "/flow/volumes.datex2.xml", produces = MediaType.APPLICATION_XML)
    HttpResponse<byte[]> volumesDatex2(@QueryValue @Nullable String sites, @QueryValue @Nullable String from,
                                       @QueryValue @Nullable String to, @QueryValue @Nullable String bucket,
                                       @QueryValue @Nullable String split, @QueryValue @Nullable String classes) {
        FlowQuery query = requests.volumes(sites, from, to, bucket, split, classes);
        return attachment("volumes.datex2.xml", MediaType.APPLICATION_XML,
                out -> datex2().writeMeasuredData(query, history.volumes(query), out));
    }

    @Get(uri = "/sites.datex2.xml", produces = MediaType.APPLICATION_XML)
    HttpResponse<byte[]> sitesDatex2(@QueryValue @Nullable String municipality) {
        List<MeasurementSite> all = this.sites.list(municipality);
        if (all.isEmpty()) {
            throw new FlowRequestException("sites.none", "municipality", municipality == null
                    ? "there are no measurement sites yet" : "no measurement sites in municipality " + municipality);
        }
        return attachment("sites.datex2.xml", MediaType.APPLICATION_XML, out -> datex2().writeSiteTable(all, out));
    }

    @Get(uri = "/flow/volumes.ngsi-ld.json", produces = LD_JSON)
    HttpResponse<byte[]> volumesNgsiLd(@QueryValue @Nullable String sites, @QueryValue @Nullable String from,
                                       @QueryValue @Nullable String to, @QueryValue @Nullable String bucket,
                                       @QueryValue @Nullable String split, @QueryValue @Nullable String classes) {
        FlowQuery query = requests.volumes(sites, from, to, bucket, split, classes);
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
