package org.roadpulse.ingest.http;

import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.annotation.Secured;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Serves the OpenAPI document that micronaut-openapi writes while compiling (see {@link ApiDocument}) at
 * {@value #PATH}, a URL that stays the same across releases; Swagger UI at {@code /api-docs/} reads it from there.
 * A controller rather than a static-resources mapping because the static handler knows no media type for YAML and
 * would answer text/plain.
 */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
final class OpenApiDocumentController {

    static final String PATH = "/openapi/roadpulse-ingest.yml";
    /** RFC 9512; YAML is UTF-8, so there is no charset parameter. */
    static final String YAML = "application/yaml";
    /** Where the processor writes it: the file name is set by -Amicronaut.openapi.filename in the pom. */
    private static final String RESOURCE = "META-INF/swagger/roadpulse-ingest.yml";

    /** Read once: it cannot change while the service runs. Empty in a build made without the processor. */
    private final Optional<byte[]> document = read();

    @Get(uri = PATH, produces = YAML)
    HttpResponse<byte[]> document() {
        return document.<HttpResponse<byte[]>>map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }

    private static Optional<byte[]> read() {
        try (InputStream in = OpenApiDocumentController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
