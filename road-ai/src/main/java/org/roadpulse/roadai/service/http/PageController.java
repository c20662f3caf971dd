package org.roadpulse.roadai.service.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The staff pages at {@code /maintenance/} and the login page at {@code /login/} (the static handler serves folder
 * addresses only from a folder on disk, not from the packaged jar), {@code /} sends to the staff pages, and the
 * OpenAPI document that the build writes.
 */
@Hidden
@Controller
final class PageController {

    private static final MediaType HTML = MediaType.of("text/html; charset=utf-8");
    private final byte[] page = read("public/maintenance/index.html").orElseThrow();
    /** The login page of both services, from the platform module. */
    private final byte[] login = read("public/login/index.html").orElseThrow();
    private final Optional<byte[]> openApi = read("META-INF/swagger/roadpulse-road-ai.yml");

    @Get("/")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> root() {
        return HttpResponse.seeOther(URI.create("/maintenance/"));
    }

    /**
     * Without a login, the browser goes to the login page and is brought back to this very address (with its
     * municipality; the browser keeps the {@code #item-} part across the redirect and the login page passes it on).
     */
    @Get("/maintenance/")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> maintenance(HttpRequest<?> request) {
        if (!request.getPath().endsWith("/")) {
            return HttpResponse.permanentRedirect(URI.create("/maintenance/"));
        }
        if (request.getUserPrincipal().isEmpty()) {
            String query = request.getUri().getRawQuery();
            String here = "/maintenance/" + (query == null ? "" : "?" + query);
            return HttpResponse.seeOther(URI.create("/login/?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8)));
        }
        return HttpResponse.ok(page).contentType(HTML);
    }

    @Get("/login/")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> login(HttpRequest<?> request) {
        if (!request.getPath().endsWith("/")) {
            return HttpResponse.permanentRedirect(URI.create("/login/"));
        }
        return HttpResponse.ok(login).contentType(HTML);
    }

    @Get(uri = "/openapi/roadpulse-road-ai.yml", produces = "application/yaml")
    @Secured(SecurityRule.IS_ANONYMOUS)
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
