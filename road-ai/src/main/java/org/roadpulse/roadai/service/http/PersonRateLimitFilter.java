package org.roadpulse.roadai.service.http;

import io.micronaut.http.annotation.Filter;
import org.roadpulse.platform.web.PersonRequestLimit;
import org.roadpulse.roadai.service.RoadAiSettings;

/** The per-person request limit ({@code roadai.access.requests-per-second}, burst {@code request-burst}). */
@Filter(Filter.MATCH_ALL_PATTERN)
final class PersonRateLimitFilter extends PersonRequestLimit {

    PersonRateLimitFilter(RoadAiSettings.Access settings) {
        super(settings.requestsPerSecond(), settings.requestBurst());
    }
}
