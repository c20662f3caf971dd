package org.roadpulse.roadai.service.http;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.roadpulse.platform.web.SecurityHeaders;

/**
 * The security headers of {@link SecurityHeaders} on every response. The staff map draws the municipality's roads
 * itself, so no tile server is allowed.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter implements HttpServerFilter {

    private static final Map<String, String> HEADERS = SecurityHeaders.forTiles(null);

    /** Outside every other filter, so the refusals of the security filter (401, 403) carry the headers too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Publishers.map(chain.proceed(request), response -> {
            HEADERS.forEach(response::header);
            return response;
        });
    }
}
