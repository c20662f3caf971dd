package org.roadpulse.ingest.http;

import io.micronaut.http.annotation.Filter;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.platform.web.SecurityHeaders;

/** The security headers on every response; the planner map's tiles may come from the configured tile server. */
@Filter(Filter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter extends SecurityHeaders {

    SecurityHeadersFilter(IngestSettings.Planning planning) {
        super(planning.tileUrl());
    }
}
