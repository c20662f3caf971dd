package org.roadpulse.ingest.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits for a service process a test started to answer {@code GET /health} with 200. */
public final class ServiceHealth {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceHealth() {
    }

    /**
     * @param base    the service's base URL, e.g. {@code http://127.0.0.1:8080}
     * @param whatLog where to look when it fails, for the message (e.g. the process's log file)
     */
    public static void await(Process process, String base, Duration timeout, String whatLog)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited while starting; see " + whatLog);
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the service is not healthy after " + timeout + "; see " + whatLog);
            }
            Thread.sleep(250);
        }
    }
}
