package org.roadpulse.roadai.service.http;

import org.roadpulse.roadai.service.access.Staff;
import io.swagger.v3.oas.annotations.Parameter;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roadpulse.roadai.service.queue.ItemActions;
import org.roadpulse.roadai.service.queue.ItemFilter;
import org.roadpulse.roadai.service.queue.ItemRanking;
import org.roadpulse.roadai.service.queue.RankedItem;
import org.roadpulse.roadai.service.storage.PgDetections;
import org.roadpulse.roadai.service.storage.PgItemHistory;

/** The prioritised list, one item with its evidence and history, and what staff do with an item. */
@Controller("/api/v1/municipalities/{ags}/items")
@Secured({AccessRules.MAINTENANCE, AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Maintenance items")
final class ItemController {

    private final Scope scope;
    private final ItemRanking ranking;
    private final ItemActions actions;
    private final PgDetections detections;
    private final PgItemHistory history;

    ItemController(Scope scope, ItemRanking ranking, ItemActions actions, PgDetections detections,
                   PgItemHistory history) {
        this.scope = scope;
        this.ranking = ranking;
        this.actions = actions;
        this.detections = detections;
        this.history = history;
    }

    @Get
    @Operation(summary = "The prioritised list: safety-critical first, then by score, each with its breakdown",
            description = """
            Filters: `status` (comma-separated, `open` = new, confirmed, scheduled (default), or `all`), `class` \
            (`crack`, `pothole`), `grade` (minimum ZEB grade 1.0–5.0). `why` lists every term with its points, \
            its `facts` (numbers and codes, only the fields of its term: e.g. `grade`; `dtv`, `heavyShare` and \
            `source` = `measured` with `siteId`, `from`, `to`, or the road class's default: `road-class-default`, \
            `flow-api-not-configured`, `flow-api-unavailable`, `flow-api-refused`, `no-complete-day` with `roadClass`; `days`) and \
            `basis`, the same facts as an English sentence.""")
    Replies.ItemsReply list(String ags, @Parameter(hidden = true) Staff staff, @QueryValue @Nullable String status,
                            @QueryValue("class") @Nullable String damageClass, @QueryValue @Nullable String grade) {
        String scoped = scope.of(ags, staff).ags();
        var items = ranking.rank(scoped, ItemFilter.parse(status, damageClass, grade)).stream()
                .map(Replies.ItemReply::of).toList();
        return new Replies.ItemsReply(scoped, items.size(), items);
    }

    @Get("/{id}")
    @Operation(summary = "One item: its priority breakdown, detections (with their images), audit trail, comments")
    Replies.ItemDetailReply item(String ags, @Parameter(hidden = true) Staff staff, long id) {
        String scoped = scope.of(ags, staff).ags();
        RankedItem ranked = ranking.one(scoped, id);
        return new Replies.ItemDetailReply(Replies.ItemReply.of(ranked),
                detections.ofItem(scoped, id).stream().map(Replies.DetectionReply::of).toList(),
                history.events(scoped, id).stream().map(Replies.EventReply::of).toList(),
                history.comments(scoped, id).stream().map(Replies.CommentReply::of).toList());
    }

    @Post("/{id}/{action}")
    @Operation(summary = "Confirm, reject, schedule, repaired, assign or comment", description = """
            Who acts is the token's user (kept in the audit trail). Body (JSON, fields by action): \
            `schedule` {date, crew}; `assign` {assignee}; `comment` {text}; `reject` {text: reason, optional}. A step \
            the item's status does not allow (e.g. scheduling a rejected item) is refused with 409 and the reason; \
            nothing changes. Answers the item as `GET` does.""")
    Replies.ItemDetailReply act(String ags, @Parameter(hidden = true) Staff staff, long id, String action,
                                @Body @Nullable ItemActions.Request request) {
        String scoped = scope.of(ags, staff).ags();
        actions.act(scoped, id, action, request, staff.username());
        return item(scoped, staff, id);
    }
}
