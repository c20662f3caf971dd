package org.roadpulse.ingest.http;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import org.roadpulse.ingest.IngestSettings;

import org.roadpulse.platform.web.SecurityHeaders;

import java.util.Map;

/**
 * The security headers of {@link SecurityHeaders} on every response; map tiles may come from the configured tile
 * server's origin.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter implements HttpServerFilter {

    private final Map<String, String> headers;

    SecurityHeadersFilter(IngestSettings.Planning planning) {
        this.headers = SecurityHeaders.forTiles(planning.tileUrl());
    }

    /** Outside every other filter, so the refusals of the security filter (401, 403) carry the headers too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Publishers.map(chain.proceed(request), response -> {
            headers.forEach(response::header);
            return response;
        });
    }
}
