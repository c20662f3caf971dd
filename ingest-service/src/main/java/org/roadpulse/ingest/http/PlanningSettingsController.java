package org.roadpulse.ingest.http;

import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import org.roadpulse.ingest.IngestSettings;

/**
 * What the planner pages ({@code /planning/}) need to know of the service's configuration: the map tile server,
 * if there is one. Read by the page at start, so an operator sets it in {@code application.yml} or the environment
 * ({@code ROADPULSE_PLANNING_TILE_URL}) instead of editing the page. Left out of the OpenAPI document: it is the
 * page's own plumbing, not an API for planners.
 */
@Controller("/api/v1/planning/settings")
@Hidden
@Secured(SecurityRule.IS_AUTHENTICATED)
public final class PlanningSettingsController {

    /** @param tileUrl null when no tile server is configured: the page then draws a plain background */
    @Serdeable
    public record PageSettings(@Nullable String tileUrl, @Nullable String tileAttribution) {
    }

    private final PageSettings settings;

    PlanningSettingsController(IngestSettings.Planning planning) {
        this.settings = new PageSettings(blankToNull(planning.tileUrl()), blankToNull(planning.tileAttribution()));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    PageSettings settings() {
        return settings;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
