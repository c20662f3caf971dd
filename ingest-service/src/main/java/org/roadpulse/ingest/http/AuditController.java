package org.roadpulse.ingest.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roadpulse.ingest.access.Caller;
import org.roadpulse.ingest.access.PgAuditTrail;

/** The audit trail ({@code GET /api/v1/audit}): the newest entries of the caller's municipalities first. */
@Controller("/api/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = ApiDocument.ACCESS)
@Secured({AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
final class AuditController {

    private static final int MAX = 1000;

    private final PgAuditTrail trail;

    AuditController(PgAuditTrail trail) {
        this.trail = trail;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAudit", summary = "Administrative actions, logins and lock-outs, newest first",
            description = "Municipal admins see their municipalities' entries; operators also platform-wide ones.")
    @ApiResponse(responseCode = "200", description = "The entries",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Replies.Audited.class))))
    @ApiResponse(responseCode = "400", description = "`limit.invalid`: 1 to 1000",
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    HttpResponse<?> list(@Parameter(hidden = true) Caller caller,
                         @Nullable @QueryValue @Parameter(description = "at most this many (1 to 1000, default 100)")
                         Integer limit) {
        int count = limit == null ? 100 : limit;
        if (count < 1 || count > MAX) {
            return HttpResponse.badRequest(new Replies.Error("limit.invalid", "limit", "1 to " + MAX));
        }
        try {
            return HttpResponse.ok(trail.newest(caller.visibility(), count).stream().map(Replies.Audited::of)
                    .toList());
        } catch (IllegalStateException e) {
            return HttpReplies.unavailable("audit trail unavailable");
        }
    }
}
