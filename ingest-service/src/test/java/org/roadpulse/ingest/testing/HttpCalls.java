package org.roadpulse.ingest.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to a service under test, with the JDK client: every status comes back as it is, no exceptions. */
public final class HttpCalls {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    /** A person's token sent with every call that names no device secret; null sends none. */
    private final String token;

    public HttpCalls(URL base) {
        this(base, null);
    }

    public HttpCalls(URL base, String token) {
        this.base = URI.create(base.toString());
        this.token = token;
    }

    /** The same calls as the person whose token this is (see {@link TestLogins}). */
    public HttpCalls as(String personToken) {
        return new HttpCalls(toUrl(), personToken);
    }

    public HttpCalls anonymous() {
        return new HttpCalls(toUrl(), null);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** Any method, with optional body and extra headers (name, value, name, value, ...). */
    public HttpResponse<String> call(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public HttpResponse<String> post(String path, String contentType, String bearer, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
            return sendAsIs(request);
        }
        return send(request);
    }

    public HttpResponse<String> put(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (token != null && !request.build().headers().firstValue("Authorization").isPresent()) {
            request.header("Authorization", "Bearer " + token);
        }
        return sendAsIs(request);
    }

    private java.net.URL toUrl() {
        try {
            return base.toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> sendAsIs(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
