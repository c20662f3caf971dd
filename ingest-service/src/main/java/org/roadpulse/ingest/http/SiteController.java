package org.roadpulse.ingest.http;

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
import org.roadpulse.ingest.sites.InvalidSiteException;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.ingest.sites.PgSites;
import org.roadpulse.ingest.sites.SiteRules;
import org.roadpulse.protocol.Rejection;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The measurement sites: list, read, create or replace, delete ({@code /api/v1/sites}). Reading is open; changes
 * follow the interim rule of {@link AdminWrites}. Every refusal is a 400 (404 for an unknown site) with a reason.
 */
@Controller("/api/v1/sites")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SiteController {

    private final PgSites sites;
    private final AdminWrites adminWrites;

    SiteController(PgSites sites, AdminWrites adminWrites) {
        this.sites = sites;
        this.adminWrites = adminWrites;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> list(@Nullable @QueryValue String municipality) {
        Optional<MutableHttpResponse<?>> refusal = SiteReplies.checkMunicipalityFilter(municipality);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        try {
            List<SiteJson> list = sites.list(municipality).stream().map(SiteJson::of).toList();
            return HttpResponse.ok(list);
        } catch (IllegalStateException e) {
            return SiteReplies.unavailable("sites unavailable");
        }
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> one(String id) {
        try {
            return sites.find(id).<HttpResponse<?>>map(site -> HttpResponse.ok(SiteJson.of(site)))
                    .orElseGet(() -> SiteReplies.unknown(id));
        } catch (IllegalStateException e) {
            return SiteReplies.unavailable("sites unavailable");
        }
    }

    @Put(uri = "/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> save(HttpRequest<?> request, String id, @Body SiteJson body) {
        if (!adminWrites.allowed(request)) {
            return AdminWrites.refused("sites can only be changed");
        }
        Optional<Rejection> problem = SiteRules.checkId(id).or(() -> body.problem(id));
        if (problem.isPresent()) {
            return SiteReplies.badRequest(problem.get());
        }
        try {
            PgSites.Saved saved = sites.save(body.toSite(id));
            SiteJson stored = SiteJson.of(saved.site());
            return saved.created()
                    ? HttpResponse.created(stored, URI.create("/api/v1/sites/" + id))
                    : HttpResponse.ok(stored);
        } catch (InvalidSiteException e) {
            Rejection rejection = e.rejection();
            return SiteReplies.badRequest(Rejection.of(rejection.reason(), SiteJson.field(rejection.field()),
                    rejection.message()));
        } catch (IllegalStateException e) {
            return SiteReplies.unavailable("site not saved");
        }
    }

    @Delete(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> delete(HttpRequest<?> request, String id) {
        if (!adminWrites.allowed(request)) {
            return AdminWrites.refused("sites can only be changed");
        }
        try {
            return sites.delete(id) ? HttpResponse.status(HttpStatus.NO_CONTENT) : SiteReplies.unknown(id);
        } catch (IllegalStateException e) {
            return SiteReplies.unavailable("site not deleted");
        }
    }
}
