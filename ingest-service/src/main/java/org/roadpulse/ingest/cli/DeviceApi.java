package org.roadpulse.ingest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The device administration API of a running ingest service, as the command line uses it: plain HTTP calls, the
 * answer's status and body handed back as they came. A user token, when given, goes along as
 * {@code Authorization: Bearer} (for when the API requires operator login).
 */
final class DeviceApi {

    private static final String DEVICES = "api/v1/devices";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What the service answered. */
    record Answer(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final URI base;
    private final String token;
    private final HttpClient client;

    /**
     * @param base   the service, e.g. {@code http://localhost:8080} or {@code https://ingest.example.de}
     * @param token  a user token, or null
     * @param caFile a PEM file with the CA to trust for HTTPS (e.g. {@code ca.pem} of {@code bin/make-certs.sh}),
     *               or null for the JVM's trusted CAs
     */
    DeviceApi(URI base, String token, Path caFile) throws IOException, GeneralSecurityException {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.token = token == null || token.isBlank() ? null : token.trim();
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        if (caFile != null) {
            builder.sslContext(trusting(caFile));
        }
        this.client = builder.build();
    }

    Answer list() throws IOException, InterruptedException {
        return send(request(DEVICES).GET());
    }

    Answer provision(String json) throws IOException, InterruptedException {
        return send(request(DEVICES).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** @param action {@code rotate}, {@code revoke} or {@code reinstate} */
    Answer change(String deviceId, String action) throws IOException, InterruptedException {
        return send(request(DEVICES + "/" + deviceId + "/" + action).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static SSLContext trusting(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca-" + n++, certificate);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
