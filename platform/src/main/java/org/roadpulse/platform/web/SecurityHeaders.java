package org.roadpulse.platform.web;

import java.net.URI;
import java.util.Map;

/**
 * The security headers both services put on every response: a Content-Security-Policy that lets the pages run only
 * the service's own scripts (so markup that slipped into a name or comment could not run), no framing
 * (clickjacking), no MIME sniffing, and no referrer to other sites. Map images may also come from the configured
 * tile server's origin. Inline styles stay allowed because Leaflet positions its layers with them.
 */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    /** Header name to value, for pages whose map tiles come from {@code tileUrl} (empty or null: none). */
    public static Map<String, String> forTiles(String tileUrl) {
        return Map.of(
                "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data:" + origin(tileUrl) + "; connect-src 'self'; object-src 'none'; "
                        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
                "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "DENY",
                "Referrer-Policy", "same-origin");
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
