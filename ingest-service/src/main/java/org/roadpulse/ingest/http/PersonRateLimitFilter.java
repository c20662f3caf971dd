package org.roadpulse.ingest.http;

import io.micronaut.http.annotation.Filter;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.platform.web.PersonRequestLimit;

/** The per-person request limit ({@code roadpulse.security.requests-per-second}, burst {@code request-burst}). */
@Filter(Filter.MATCH_ALL_PATTERN)
final class PersonRateLimitFilter extends PersonRequestLimit {

    PersonRateLimitFilter(IngestSettings.Security settings) {
        super(settings.requestsPerSecond(), settings.requestBurst());
    }
}
