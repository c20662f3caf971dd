package org.roadpulse.roadai.service;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roadpulse.platform.access.Role;
import org.roadpulse.platform.access.ServiceTokens;

/**
 * The maintenance-queue service on a random port with a fresh database and (unless told otherwise) the tiny model,
 * and a plain HTTP client for it: requests go over the network as a browser's would. Requests carry an operator's
 * token signed with {@link #TOKEN_KEY}, the key the service is given, unless a test sends its own.
 */
public final class RunningService implements AutoCloseable {

    public static final String THOLEY = "10046118";
    public static final String BEXBACH = "10045111";
    /** A straight Landesstraße through Tholey, west to east, about 1.45 km. */
    public static final String THOLEY_ROAD = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"id": "L-141", "name": "Hauptstraße", "roadClass": "STATE"},
               "geometry": {"type": "LineString", "coordinates": [[7.030, 49.480], [7.050, 49.480]]}},
              {"type": "Feature", "properties": {"id": "bad", "roadClass": "STATE"},
               "geometry": {"type": "Point", "coordinates": [7.03, 49.48]}}
            ]}""";

    /** A file part of a multipart request. */
    public record Part(String name, String fileName, byte[] bytes) {
        public static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The token key the service checks people's tokens with, as the ingest service would sign them. */
    public static final String TOKEN_KEY = "road-ai-tests-token-key-of-at-least-32-characters";
    /** Who acts when a test does not say. */
    public static final String OPERATOR = "test-operator";

    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningService(EmbeddedServer server) {
        this.server = server;
    }

    public static RunningService start(Path dataDir, boolean withModel) {
        return start(dataDir, TestPostgres.freshDatabase(), withModel);
    }

    /** The service on a database of the caller's (user postgres, no password), e.g. one the test will stop. */
    public static RunningService start(Path dataDir, String databaseUrl, boolean withModel) {
        return start(dataDir, databaseUrl, withModel, Map.of());
    }

    /** With settings of the test's own over the defaults here, e.g. {@code roadai.access.accounts-url}. */
    public static RunningService start(Path dataDir, String databaseUrl, boolean withModel,
                                       Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("roadai.data-dir", dataDir.toString());
        properties.put("roadai.database.url", databaseUrl);
        properties.put("roadai.database.username", "postgres");
        properties.put("roadai.database.password", "");
        properties.put("roadai.model", withModel ? TinyModel.file().toString() : dataDir.resolve("none.zip").toString());
        properties.put("roadai.traffic.flow-api-url", "");
        properties.put("roadai.access.token-secret", TOKEN_KEY);
        // No account service unless a test brings its stand-in: port 9 (discard) refuses at once, so whether a token
        // was withdrawn cannot be asked and every signed token counts (access.WithdrawnTokens).
        properties.put("roadai.access.accounts-url", "http://127.0.0.1:9");
        properties.putAll(settings);
        return new RunningService(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    public URL url() {
        return server.getURL();
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    /** A token for this person with these roles in these municipalities (AGS), valid for an hour. */
    public static String token(String username, Set<Role> roles, Set<String> municipalities) {
        return new ServiceTokens(TOKEN_KEY, username, Duration.ofHours(1), Clock.systemUTC())
                .issue(roles.stream().map(Role::name).toList(), municipalities);
    }

    public static String operator(String username) {
        return token(username, Set.of(Role.OPERATOR), Set.of());
    }

    public HttpResponse<String> get(String path) {
        return send(authorised(HttpRequest.newBuilder(uri(path)).GET(), operator(OPERATOR)).build());
    }

    /** Any request, with this bearer token (null: none) and body (null: none). */
    public HttpResponse<String> call(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(authorised(request, token).build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(authorised(HttpRequest.newBuilder(uri(path)).GET(), operator(OPERATOR)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posted by the operator {@code who}; without a {@code who}, without a token. */
    public HttpResponse<String> postJson(String path, String json, String who) {
        return call("POST", path, who == null ? null : operator(who), "application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** Put by the operator {@code who}; without a {@code who}, without a token. */
    public HttpResponse<String> putJson(String path, String json, String who) {
        return call("PUT", path, who == null ? null : operator(who), "application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> postMultipart(String path, List<Part> parts) {
        String boundary = "roadai-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
            if (part.fileName() != null) {
                head.append("; filename=\"").append(part.fileName()).append('"').append("\r\n")
                        .append("Content-Type: application/octet-stream");
            }
            head.append("\r\n\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return call("POST", path, operator(OPERATOR), "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        return URI.create(server.getURL().toString().replaceAll("/$", "") + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
