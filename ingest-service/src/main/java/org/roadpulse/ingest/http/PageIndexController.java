package org.roadpulse.ingest.http;

import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.annotation.Secured;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the pages' {@code index.html} at their folder addresses ({@code /planning/}, {@code /api-docs/}). The static
 * resource handler does that only while the classes are a folder on disk (as in tests): from the packaged jar it
 * answers a folder address with an empty 200, and the page stays blank.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
final class PageIndexController {

    private static final MediaType HTML = MediaType.of("text/html; charset=utf-8");

    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

    /** Micronaut routes {@code /planning} here too: send it to the folder address, which relative links need. */
    @Get("/planning/")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> planning(HttpRequest<?> request) {
        return page(request, "/planning/", "public/planning/index.html");
    }

    @Get("/login/")
    HttpResponse<?> login(HttpRequest<?> request) {
        return page(request, "/login/", "public/login/index.html");
    }

    @Get("/api-docs/")
    HttpResponse<?> apiDocs(HttpRequest<?> request) {
        return page(request, "/api-docs/", "public/api-docs/index.html");
    }

    private HttpResponse<?> page(HttpRequest<?> request, String folder, String resource) {
        if (!request.getPath().endsWith("/")) {
            return HttpResponse.permanentRedirect(URI.create(folder));
        }
        byte[] html = pages.computeIfAbsent(resource, PageIndexController::read);
        return HttpResponse.ok(html).contentType(HTML);
    }

    private static byte[] read(String resource) {
        try (InputStream in = PageIndexController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
