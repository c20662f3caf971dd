package org.roadpulse.ingest.http;

import io.swagger.v3.oas.annotations.Parameter;
import org.roadpulse.ingest.access.Caller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import org.roadpulse.ingest.flow.Split;
import org.roadpulse.ingest.sites.Sites;

import java.util.ArrayList;
import java.util.List;

/**
 * Planners' questions: volumes of sites over a period in buckets, and the standard figures (docs/flow-history.md).
 * A question that cannot be answered as asked is a 400 naming the parameter; a database outage a 503.
 */
@Controller("/api/v1/flow")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = ApiDocument.FLOW)
@ApiResponse(responseCode = "400", description = FlowParameters.REFUSALS,
        content = @Content(schema = @Schema(implementation = Replies.Error.class)))
@ApiResponse(responseCode = "503", description = ApiDocument.UNAVAILABLE,
        content = @Content(schema = @Schema(implementation = Replies.Error.class)))
@Secured({AccessRules.PLANNER, AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
public final class FlowController {

    private final FlowHistory history;
    private final Sites sites;
    private final IngestSettings.Flow settings;

    FlowController(FlowHistory history, Sites sites, IngestSettings.Flow settings) {
        this.history = history;
        this.sites = sites;
        this.settings = settings;
    }

    /** The requests of one caller: sites of other municipalities are unknown to them. */
    private FlowRequests requests(Caller caller) {
        return new FlowRequests(sites.seenBy(caller.visibility()), settings.zoneId());
    }

    @Get(uri = "/volumes", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Volumes per bucket and class category, with completeness", description = """
            One series per site (and direction, with `split=direction`), one entry per bucket: volumes per category \
            of the class group, `total` and `heavy` (every vehicle, whatever class scheme it was counted in), \
            `coarser`, heavy share, mean speed, V85, and how completely the bucket was measured. A bucket with \
            nothing measured has null volumes, not zeros.""")
    @ApiResponse(responseCode = "200", description = "The series", useReturnTypeSchema = true)
    FlowReplies.VolumesReply volumes(@Parameter(hidden = true) Caller caller,
                                     @QueryValue @Nullable @FlowParameters.Sites String sites,
                                     @QueryValue @Nullable @FlowParameters.From String from,
                                     @QueryValue @Nullable @FlowParameters.To String to,
                                     @QueryValue @Nullable @FlowParameters.Bucket String bucket,
                                     @QueryValue @Nullable @FlowParameters.Split String split,
                                     @QueryValue @Nullable @FlowParameters.Classes String classes) {
        FlowQuery query = requests(caller).volumes(sites, from, to, bucket, split, classes);
        List<FlowReplies.SeriesReply> series = history.volumes(query).stream()
                .map(s -> FlowReplies.SeriesReply.of(s, query.period().zone())).toList();
        return new FlowReplies.VolumesReply(FlowReplies.PeriodReply.of(query.period()), query.bucket().wireName(),
                query.classes().wireName(), new ArrayList<>(query.classes().categories().keySet()), series);
    }

    @Get(uri = "/figures", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Standard figures: DTV, DTVw, DTV_SV, SV-Anteil, MSV, peak hour, day/night, speeds",
            description = """
            The period is widened to whole local days. DTV, DTVw (Monday to Friday except the public holidays of \
            the site's federal state), DTV_SV, SV-Anteil, peak hour and day/night (06–22 h, 22–06 h) are means \
            over the **complete** days only (`completeDays` of `days`); MSV is the 30th-highest hourly volume among \
            the complete hours.""")
    @ApiResponse(responseCode = "200", description = "The figures per site (and direction)", useReturnTypeSchema = true)
    FlowReplies.FiguresReply figures(@Parameter(hidden = true) Caller caller,
                                     @QueryValue @Nullable @FlowParameters.Sites String sites,
                                     @QueryValue @Nullable @FlowParameters.From String from,
                                     @QueryValue @Nullable @FlowParameters.To String to,
                                     @QueryValue @Nullable @FlowParameters.Split String split,
                                     @QueryValue @Nullable @FlowParameters.Figures String figures) {
        FigureQuery query = requests(caller).figures(sites, from, to, split, figures);
        return new FlowReplies.FiguresReply(FlowReplies.PeriodReply.of(query.period()),
                history.figures(query.sites(), query.period(), query.split(), query.detail()).stream()
                        .map(FlowReplies.FigureReply::of).toList());
    }

    @Error(exception = FlowRequestException.class)
    HttpResponse<?> refused(FlowRequestException e) {
        return HttpResponse.badRequest(new Replies.Error(e.reason(), e.parameter(), e.getMessage()));
    }

    @Error(exception = FlowUnavailableException.class)
    HttpResponse<?> unavailable(FlowUnavailableException e) {
        return HttpReplies.unavailable("flow history unavailable, try again shortly");
    }
}
