package org.roadpulse.agent.transport.http;

import org.roadpulse.agent.outbox.OutboxRecord;
import org.roadpulse.agent.transport.CountPublisher;
import org.roadpulse.agent.transport.Delivery;
import org.roadpulse.agent.transport.DeviceIdentity;
import org.roadpulse.agent.transport.RefusalBody;
import org.roadpulse.agent.transport.TlsSettings;
import org.roadpulse.agent.transport.TransportException;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.StatusCodec;
import org.roadpulse.protocol.StatusReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes over the service's HTTP intake, as contract v1 describes: {@code POST /api/v1/devices/{device}/counts}
 * and {@code /status}, {@code Authorization: Bearer <secret>}, {@code Content-Type} after the payload's encoding.
 * There is no configuration downlink on HTTP.
 *
 * <p>Answers: 2xx is {@link Delivery.Acked} (stored or duplicate); 400, 413 and 415 refuse the payload for good
 * ({@link Delivery.Rejected}, counted under the body's reason). Everything else keeps the interval: 401/403 say the
 * <em>device</em> is not authorised (not provisioned yet, wrong secret), 503 that the service cannot store now, and
 * any other status (404 from a wrong base URL, a proxy's 502) says nothing about the payload — dropping the outbox
 * for those would lose intervals that the right service would take. No answer at all marks the service unreachable,
 * so the drainer checks it again with backoff before sending more.
 */
public final class HttpCountPublisher implements CountPublisher {

    /**
     * @param baseUri        the service, e.g. {@code http://localhost:8080} (a path prefix is kept)
     * @param encoding       encoding of status messages (counts go as the outbox stored them)
     * @param connectTimeout one TCP (and TLS) connect, and the reachability check
     * @param answerTimeout  one request, from sending to the last byte of the answer
     * @param tls            for https: the certificates to trust, or null for the JVM's
     */
    public record Settings(URI baseUri, Encoding encoding, Duration connectTimeout, Duration answerTimeout,
                           TlsSettings tls) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(HttpCountPublisher.class);

    private final DeviceIdentity device;
    private final Settings settings;
    private final URI countsUri;
    private final URI statusUri;
    private volatile HttpClient client;
    private volatile boolean reachable;
    private volatile boolean closed;

    public HttpCountPublisher(DeviceIdentity device, Settings settings) {
        String scheme = settings.baseUri().getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("an HTTP service URI starts with http:// or https://, not " + scheme);
        }
        this.device = device;
        this.settings = settings;
        String base = settings.baseUri().toString().replaceAll("/+$", "");
        this.countsUri = URI.create(base + "/api/v1/devices/" + device.deviceId() + "/counts");
        this.statusUri = URI.create(base + "/api/v1/devices/" + device.deviceId() + "/status");
    }

    /** Checks that something answers HTTP at the base URI; any status will do, as a CoAP ping's reset would. */
    @Override
    public synchronized void connect() throws TransportException {
        if (closed) {
            throw new TransportException("closed");
        }
        try {
            if (client == null) {
                client = newClient();
            }
            HttpRequest probe = HttpRequest.newBuilder(settings.baseUri()).timeout(settings.connectTimeout())
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
            client.send(probe, HttpResponse.BodyHandlers.discarding());
            reachable = true;
        } catch (IOException | GeneralSecurityException e) {
            throw new TransportException("no answer from " + settings.baseUri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while connecting", e);
        }
    }

    @Override
    public boolean connected() {
        return reachable && !closed;
    }

    @Override
    public CompletableFuture<Delivery> publish(OutboxRecord record) {
        HttpClient http = client;
        if (http == null || closed) {
            return CompletableFuture.completedFuture(Delivery.retry("not started"));
        }
        byte[] payload = record.payload();
        return http.sendAsync(post(countsUri, payload, Encoding.sniff(payload)), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        reachable = false;
                        return Delivery.retry("no answer from " + settings.baseUri() + ": " + failure);
                    }
                    return delivery(response.statusCode(), response.body(),
                            response.headers().firstValue("Retry-After").orElse(null));
                });
    }

    @Override
    public CompletableFuture<Void> publishStatus(StatusReport status) {
        HttpClient http = client;
        if (http == null || closed) {
            return CompletableFuture.completedFuture(null);
        }
        return http.sendAsync(post(statusUri, StatusCodec.encode(status, settings.encoding()), settings.encoding()),
                        HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    if (failure == null && response.statusCode() / 100 != 2) {
                        LOG.debug("{}: status answered {}", device.deviceId(), response.statusCode());
                    }
                    return null;
                });
    }

    /** Requests already sent still get their answers; nothing new is sent. */
    @Override
    public void close() {
        closed = true;
        reachable = false;
    }

    @Override
    public void halt() {
        close();
    }

    /** Maps the service's status code to what the outbox does with the interval. */
    static Delivery delivery(int status, byte[] body) {
        return delivery(status, body, null);
    }

    /** @param retryAfter the {@code Retry-After} header (seconds), or null */
    static Delivery delivery(int status, byte[] body, String retryAfter) {
        String text = "HTTP " + status;
        if (status / 100 == 2) {
            return Delivery.acked();
        }
        if (status == 400 || status == 413 || status == 415) {
            return RefusalBody.rejection(text, body);
        }
        String said = RefusalBody.parse(body).map(RefusalBody::reason).map(reason -> text + " " + reason).orElse(text);
        if (status == 401 || status == 403) {
            LOG.error("the service does not accept this device's credentials ({}): check its id and secret", said);
        } else if (status != 503 && status != 429) {
            LOG.error("unexpected answer {} from the HTTP intake: is the URI the ingest service's?", said);
        }
        return Delivery.retryAfter(said, seconds(retryAfter));
    }

    /** Retry-After in seconds; the HTTP-date form, which the service does not send, counts as none. */
    private static long seconds(String retryAfter) {
        if (retryAfter == null) {
            return -1;
        }
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private HttpClient newClient() throws IOException, GeneralSecurityException {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)   // the intake speaks HTTP/1.1; no h2c upgrade round trip
                .connectTimeout(settings.connectTimeout());
        if ("https".equals(settings.baseUri().getScheme())) {
            TlsSettings tls = settings.tls() != null ? settings.tls() : new TlsSettings(null, null, null);
            builder.sslContext(tls.sslContext());
        }
        return builder.build();
    }

    private HttpRequest post(URI uri, byte[] body, Encoding encoding) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.answerTimeout())
                .header("Authorization", "Bearer " + device.secret())
                .header("Content-Type", encoding.mediaType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
