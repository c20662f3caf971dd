package org.roadpulse.ingest.broker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * Ends a device's connection on an external EMQX 5 when its credentials are withdrawn (rotated or revoked). EMQX asks
 * the service's broker hook only at CONNECT, so without this an open connection would outlive its credentials; the
 * device's next CONNECT then meets the registry's current answer. The management API's
 * {@code DELETE /api/v5/clients/{clientid}} with an API key as basic auth answers 204 (ended) or 404 (not connected).
 *
 * <p>The call does not hold up the revocation: it runs in the background and a failure is logged. Counts a revoked
 * device still sends meanwhile are refused at the intake ({@code device.revoked}).
 */
public final class EmqxConnections {

    private static final Logger LOG = LoggerFactory.getLogger(EmqxConnections.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI clients;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public EmqxConnections(URI adminUrl, String apiKey, String apiSecret) {
        String base = adminUrl.toString().replaceAll("/+$", "");
        this.clients = URI.create(base + "/api/v5/clients/");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((apiKey + ":" + apiSecret).getBytes(StandardCharsets.UTF_8));
    }

    /** Completes with whether a connection was ended (false: none was open, or the broker could not be asked). */
    public CompletableFuture<Boolean> end(String deviceId) {
        HttpRequest request = HttpRequest.newBuilder(clients.resolve(URLEncoder.encode(deviceId, StandardCharsets.UTF_8)))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .DELETE()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> ended(deviceId, response))
                .exceptionally(failure -> {
                    LOG.warn("Could not ask the broker at {} to end the connection of device {}: {}", clients,
                            deviceId, failure.toString());
                    return false;
                });
    }

    private static boolean ended(String deviceId, HttpResponse<String> response) {
        switch (response.statusCode()) {
            case 204 -> {
                LOG.info("Broker ended the connection of device {}", deviceId);
                return true;
            }
            case 404 -> {
                return false;
            }
            default -> {
                LOG.warn("Broker refused to end the connection of device {}: HTTP {} {}", deviceId,
                        response.statusCode(), response.body());
                return false;
            }
        }
    }
}
