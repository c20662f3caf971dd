package org.roadpulse.ingest.http;

import org.roadpulse.ingest.sites.SiteNotVisibleException;
import org.roadpulse.ingest.access.AdminAudit;
import org.roadpulse.ingest.access.Caller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roadpulse.ingest.sites.InvalidSiteException;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.ingest.sites.PgSites;
import org.roadpulse.ingest.sites.SiteRules;
import org.roadpulse.protocol.Rejection;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The measurement sites: list, read, create or replace, delete ({@code /api/v1/sites}). Planners read the sites of
 * their municipalities, municipal admins also change them, operators all (docs/security.md); another municipality's
 * site is unknown. Every refusal is a 400 (404 for an unknown site) with a reason.
 */
@Controller("/api/v1/sites")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = ApiDocument.SITES)
@ApiResponse(responseCode = "503", description = ApiDocument.UNAVAILABLE,
        content = @Content(schema = @Schema(implementation = Replies.Error.class)))
@Secured({AccessRules.PLANNER, AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
final class SiteController {

    private static final String ID = "The site id, e.g. `bexbach-rathausstrasse`";
    private static final String UNKNOWN = "`site.unknown`: no site with this id";

    private final PgSites sites;
    private final AdminAudit audit;

    SiteController(PgSites sites, AdminAudit audit) {
        this.sites = sites;
        this.audit = audit;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "listSites", summary = "All measurement sites, ordered by id")
    @ApiResponse(responseCode = "200", description = "The sites",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = SiteJson.class))))
    @ApiResponse(responseCode = "400", description = "`municipality.invalid`: the filter is no AGS (8 digits)",
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    HttpResponse<?> list(@Parameter(hidden = true) Caller caller, @Nullable @QueryValue @FlowParameters.Municipality String municipality) {
        Optional<MutableHttpResponse<?>> refusal = SiteReplies.checkMunicipalityFilter(municipality);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        try {
            List<SiteJson> list = sites.seenBy(caller.visibility()).list(municipality).stream().map(SiteJson::of).toList();
            return HttpResponse.ok(list);
        } catch (IllegalStateException e) {
            return SiteReplies.unavailable("sites unavailable");
        }
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSite", summary = "One measurement site")
    @ApiResponse(responseCode = "200", description = "The site",
            content = @Content(schema = @Schema(implementation = SiteJson.class)))
    @ApiResponse(responseCode = "404", description = UNKNOWN,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    HttpResponse<?> one(@Parameter(hidden = true) Caller caller, @Parameter(description = ID) String id) {
        try {
            return sites.seenBy(caller.visibility()).find(id).<HttpResponse<?>>map(site -> HttpResponse.ok(SiteJson.of(site)))
                    .orElseGet(() -> SiteReplies.unknown(id));
        } catch (IllegalStateException e) {
            return SiteReplies.unavailable("sites unavailable");
        }
    }

    @Put(uri = "/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "putSite", summary = "Create or replace a measurement site", description = """
            Every field is written, absent ones as null, no devices as `[]`; the body's `id`, if any, must match the \
            path. A direction left out of `lanes` has no lanes (a one-way street). `devices` is the complete list: a \
            listed device counting at another site moves here, a device no longer listed is left without a site; \
            devices must be registered and belong to the site's municipality.""")
    @ApiResponse(responseCode = "200", description = "Replaced: the stored site",
            content = @Content(schema = @Schema(implementation = SiteJson.class)))
    @ApiResponse(responseCode = "201", description = "Created: the stored site",
            content = @Content(schema = @Schema(implementation = SiteJson.class)))
    @ApiResponse(responseCode = "400", description = ApiDocument.SITE_REFUSALS,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @ApiResponse(responseCode = "403", description = ApiDocument.ROLE_REFUSED,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @Secured({AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
    HttpResponse<?> save(@Parameter(hidden = true) Caller caller, @Parameter(description = ID) String id,
                         @Body SiteJson body) {
        Optional<Rejection> problem = SiteRules.checkId(id).or(() -> body.problem(id));
        if (problem.isPresent()) {
            return SiteReplies.badRequest(problem.get());
        }
        try {
            PgSites.Saved saved = sites.save(body.toSite(id), caller.visibility());
            audit.record(caller, saved.created() ? "site.created" : "site.replaced", id,
                    saved.site().municipality(), null);
            SiteJson stored = SiteJson.of(saved.site());
            return saved.created()
                    ? HttpResponse.created(stored, URI.create("/api/v1/sites/" + id))
                    : HttpResponse.ok(stored);
        } catch (SiteNotVisibleException e) {
            return caller.visibility().includes(body.municipality()) ? SiteReplies.unknown(id)
                    : SiteReplies.notYours(e.getMessage());
        } catch (InvalidSiteException e) {
            Rejection rejection = e.rejection();
            return SiteReplies.badRequest(Rejection.of(rejection.reason(), SiteJson.field(rejection.field()),
                    rejection.message()));
        } catch (IllegalStateException e) {
            return SiteReplies.unavailable("site not saved");
        }
    }

    @Delete(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "deleteSite", summary = "Remove a measurement site",
            description = "Its devices stay registered, without a site.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = UNKNOWN,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @ApiResponse(responseCode = "403", description = ApiDocument.ROLE_REFUSED,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @Secured({AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
    HttpResponse<?> delete(@Parameter(hidden = true) Caller caller, @Parameter(description = ID) String id) {
        try {
            Optional<MeasurementSite> site = sites.seenBy(caller.visibility()).find(id);
            if (site.isEmpty() || !sites.delete(id, caller.visibility())) {
                return SiteReplies.unknown(id);
            }
            audit.record(caller, "site.deleted", id, site.get().municipality(), null);
            return HttpResponse.status(HttpStatus.NO_CONTENT);
        } catch (IllegalStateException e) {
            return SiteReplies.unavailable("site not deleted");
        }
    }
}
