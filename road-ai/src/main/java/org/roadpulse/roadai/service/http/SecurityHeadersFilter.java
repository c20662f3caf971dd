package org.roadpulse.roadai.service.http;

import io.micronaut.http.annotation.Filter;
import org.roadpulse.platform.web.SecurityHeaders;

/** The security headers on every response; the staff map draws its roads itself, so no tile server is allowed. */
@Filter(Filter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter extends SecurityHeaders {

    SecurityHeadersFilter() {
        super(null);
    }
}
