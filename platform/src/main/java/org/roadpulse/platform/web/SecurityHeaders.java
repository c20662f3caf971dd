package org.roadpulse.platform.web;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.net.URI;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * The security headers both services put on every response: a Content-Security-Policy that lets the pages run only
 * the service's own scripts (so markup that slipped into a name or comment could not run), no framing
 * (clickjacking), no MIME sniffing, and no referrer to other sites. Map images may also come from the configured
 * tile server's origin. Inline styles stay allowed because Leaflet positions its layers with them. Each service
 * makes it a filter of its own ({@code @Filter} on a subclass), with its tile server.
 */
public class SecurityHeaders implements HttpServerFilter {

    private final Map<String, String> headers;

    /** @param tileUrl the tile URL template of the pages' maps; empty or null: none */
    protected SecurityHeaders(String tileUrl) {
        this.headers = Map.of(
                "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data:" + origin(tileUrl) + "; connect-src 'self'; object-src 'none'; "
                        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
                "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "DENY",
                "Referrer-Policy", "same-origin");
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

    /** The scheme, host and port of a tile URL template, e.g. " https://tiles.example.de"; empty without one. */
    static String origin(String tileUrl) {
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
