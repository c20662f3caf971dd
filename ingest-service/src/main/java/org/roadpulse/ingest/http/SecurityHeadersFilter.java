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

import java.net.URI;

/**
 * Security headers on every response: a Content-Security-Policy that lets the pages run only the service's own
 * scripts (so a name with markup that slipped through could not run), no framing (clickjacking), no MIME sniffing,
 * and no referrer to other sites. Map tiles may come from the configured tile server's origin.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter implements HttpServerFilter {

    private final String policy;

    SecurityHeadersFilter(IngestSettings.Planning planning) {
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
                + tileOrigin(planning.tileUrl()) + "; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    /** Outside every other filter, so the refusals of the security filter (401, 403) carry the headers too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Publishers.map(chain.proceed(request), response -> {
            response.header("Content-Security-Policy", policy);
            response.header("X-Content-Type-Options", "nosniff");
            response.header("X-Frame-Options", "DENY");
            response.header("Referrer-Policy", "same-origin");
            return response;
        });
    }

    /** The scheme, host and port of the tile URL, e.g. " https://tiles.example.de"; empty without one. */
    private static String tileOrigin(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        try {
            URI uri = URI.create(tileUrl.replace("{", "").replace("}", ""));
            return uri.getScheme() == null || uri.getHost() == null ? ""
                    : " " + uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
