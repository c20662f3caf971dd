package org.roadpulse.ingest.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import org.roadpulse.ingest.flow.Split;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.ingest.sites.Sites;

import java.util.ArrayList;
import java.util.List;

/**
 * Planners' questions: volumes of sites over a period in buckets, and the standard figures (docs/flow-history.md).
 * A question that cannot be answered as asked is a 400 naming the parameter; a database outage a 503.
 */
@Controller("/api/v1/flow")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class FlowController {

    private final FlowHistory history;
    private final FlowRequests requests;

    FlowController(FlowHistory history, Sites sites, IngestSettings.Flow settings) {
        this.history = history;
        this.requests = new FlowRequests(sites, settings.zoneId());
    }

    @Get(uri = "/volumes", produces = MediaType.APPLICATION_JSON)
    FlowReplies.VolumesReply volumes(@QueryValue @Nullable String sites, @QueryValue @Nullable String from,
                                     @QueryValue @Nullable String to, @QueryValue @Nullable String bucket,
                                     @QueryValue @Nullable String split, @QueryValue @Nullable String classes) {
        FlowQuery query = requests.volumes(sites, from, to, bucket, split, classes);
        List<FlowReplies.SeriesReply> series = history.volumes(query).stream()
                .map(s -> FlowReplies.SeriesReply.of(s, query.period().zone())).toList();
        return new FlowReplies.VolumesReply(FlowReplies.PeriodReply.of(query.period()), query.bucket().wireName(),
                query.classes().wireName(), new ArrayList<>(query.classes().categories().keySet()), series);
    }

    @Get(uri = "/figures", produces = MediaType.APPLICATION_JSON)
    FlowReplies.FiguresReply figures(@QueryValue @Nullable String sites, @QueryValue @Nullable String from,
                                     @QueryValue @Nullable String to, @QueryValue @Nullable String split) {
        List<MeasurementSite> chosen = requests.sites(sites);
        Period period = requests.wholeDays(requests.period(from, to));
        Split chosenSplit = requests.split(split);
        return new FlowReplies.FiguresReply(FlowReplies.PeriodReply.of(period),
                history.figures(chosen, period, chosenSplit).stream().map(FlowReplies.FigureReply::of).toList());
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
