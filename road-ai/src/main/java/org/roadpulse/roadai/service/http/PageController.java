package org.roadpulse.roadai.service.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;

/**
 * The staff pages at {@code /maintenance/} (the static handler serves folder addresses only from a folder on disk,
 * not from the packaged jar), {@code /} sends there, and the OpenAPI document that the build writes.
 */
@Hidden
@Controller
final class PageController {

    private static final MediaType HTML = MediaType.of("text/html; charset=utf-8");
    /**
     * Defence in depth behind the pages' text-only rendering: scripts only from this service, no inline script;
     * inline styles stay allowed because Leaflet positions its layers with them. No map tiles from elsewhere yet.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    private final byte[] page = read("public/maintenance/index.html").orElseThrow();
    private final Optional<byte[]> openApi = read("META-INF/swagger/roadpulse-road-ai.yml");

    @Get("/")
    HttpResponse<?> root() {
        return HttpResponse.seeOther(URI.create("/maintenance/"));
    }

    @Get("/maintenance/")
    HttpResponse<?> maintenance(HttpRequest<?> request) {
        if (!request.getPath().endsWith("/")) {
            return HttpResponse.permanentRedirect(URI.create("/maintenance/"));
        }
        return HttpResponse.ok(page).contentType(HTML).header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Get(uri = "/openapi/roadpulse-road-ai.yml", produces = "application/yaml")
    HttpResponse<byte[]> openApi() {
        return openApi.<HttpResponse<byte[]>>map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }

    private static Optional<byte[]> read(String resource) {
        try (InputStream in = PageController.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
