package org.roadpulse.roadai.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Every setting of the maintenance-queue service, in one place (prefix {@code roadai}); environment variables
 * override as usual ({@code ROADAI_DATABASE_URL} for {@code roadai.database.url}).
 */
public final class RoadAiSettings {

    private RoadAiSettings() {
    }

    /**
     * @param dataDir where the embedded PostgreSQL keeps its cluster ({@code postgres/} below it)
     * @param model   the classifier's model file; without it image intake answers 503, the rest works
     */
    @ConfigurationProperties("roadai")
    public record Paths(@Bindable(defaultValue = "data/road-ai") String dataDir,
                        @Bindable(defaultValue = "road-ai/models/road-damage.zip") String model) {
    }

    /**
     * @param url          JDBC URL of an external PostgreSQL; empty starts the embedded one
     * @param embeddedPort port of the embedded PostgreSQL (0 = any free port; the ingest service's is 54329)
     * @param durable      fsync and synchronous commit for the embedded PostgreSQL; only tests turn it off
     */
    @ConfigurationProperties("roadai.database")
    public record Database(@Nullable String url,
                           @Bindable(defaultValue = "roadai") String username,
                           @Bindable(defaultValue = "roadai") String password,
                           @Bindable(defaultValue = "54330") int embeddedPort,
                           @Bindable(defaultValue = "true") boolean durable,
                           @Bindable(defaultValue = "4") int poolSize) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /**
     * @param flowApiUrl      base URL of the ingest service, whose flow API gives a site's DTV and heavy share; empty
     *                        means every road gets its class's default traffic
     * @param timeoutMs       how long to wait for it before falling back to the default
     * @param cacheMinutes    how long a site's figures are reused
     */
    @ConfigurationProperties("roadai.traffic")
    public record Traffic(@Bindable(defaultValue = "http://localhost:8080") String flowApiUrl,
                          @Bindable(defaultValue = "2000") int timeoutMs,
                          @Bindable(defaultValue = "60") int cacheMinutes) {
    }

    /**
     * People's access (docs/security.md): road-ai checks the tokens the ingest service issues, and signs its own
     * flow lookups, with the ingest service's token key.
     *
     * @param tokenSecret     that key ({@code ROADPULSE_SECURITY_TOKEN_SECRET} there), at least 32 characters
     * @param tokenSecretFile where to read it instead: the ingest service's {@code <data-dir>/token-secret}
     * @param accountsUrl     base URL of the ingest service, which keeps the accounts: the login page's credentials
     *                        go to its {@code /api/v1/login}, and its {@code /api/v1/me} says whether a token still
     *                        stands (access.WithdrawnTokens)
     * @param requestsPerSecond API requests a logged-in person may make per second in the long run (0: no limit)
     * @param requestBurst    requests a person may make at once (the page loading the list, its map and images)
     */
    @ConfigurationProperties("roadai.access")
    public record Access(@Bindable(defaultValue = "") String tokenSecret,
                         @Bindable(defaultValue = "") String tokenSecretFile,
                         @Bindable(defaultValue = "http://localhost:8080") String accountsUrl,
                         @Bindable(defaultValue = "20") double requestsPerSecond,
                         @Bindable(defaultValue = "200") int requestBurst) {
    }

    /**
     * @param snapToleranceMetres  how far from a road a detection may lie and still belong to it
     * @param maxTrackGapSeconds   a frame between two track fixes further apart than this gets no position
     * @param potholeThreshold     pothole probability from which a tile counts as pothole (1 = the model's own decision rule)
     * @param tileSide             tile side in pixels for the damage mapper
     */
    @ConfigurationProperties("roadai.intake")
    public record Intake(@Bindable(defaultValue = "25") double snapToleranceMetres,
                         @Bindable(defaultValue = "30") int maxTrackGapSeconds,
                         @Bindable(defaultValue = "1") double potholeThreshold,
                         @Bindable(defaultValue = "128") int tileSide) {
    }
}
