package org.roadpulse.roadai.service.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.roadpulse.roadai.maintenance.Traffic;
import org.roadpulse.roadai.maintenance.Traffic.Reason;
import org.roadpulse.roadai.roads.RoadClass;
import org.roadpulse.roadai.roads.RoadSegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DTV and heavy share of the last 365 days from the ingest service's flow API ({@code GET
 * /api/v1/flow/figures?sites=...}), for segments with a measurement site. Figures are kept for a while; a site the
 * API does not answer for (unreachable, an error answer, no complete day) gets the road class's default, and
 * its {@link Traffic.Assumed} source says why.
 */
public final class FlowApiTraffic implements TrafficSource {

    private static final Logger LOG = LoggerFactory.getLogger(FlowApiTraffic.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Cached(Traffic traffic, Instant until) {
    }

    private final String baseUrl;
    private final FlowApiCredentials credentials;
    private final Duration timeout;
    private final Duration keep;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public FlowApiTraffic(String baseUrl, FlowApiCredentials credentials, Duration timeout, Duration keep,
                          Clock clock) {
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        this.credentials = credentials;
        this.timeout = timeout;
        this.keep = keep;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Traffic on(RoadSegment segment) {
        RoadClass roadClass = segment.roadClass();
        if (segment.site().isEmpty()) {
            return Traffic.assumedFor(roadClass);
        }
        String site = segment.siteId();
        if (baseUrl.isEmpty()) {
            return Traffic.assumedFor(roadClass, Reason.FLOW_API_NOT_CONFIGURED, site);
        }
        Instant now = clock.instant();
        // Per municipality too: each lookup shows that municipality's token, so one must not get another's answer.
        String key = segment.municipality() + "|" + site + "|" + roadClass;
        Cached cached = cache.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.traffic();
        }
        Traffic traffic = fetch(site, roadClass, segment.municipality(), now);
        // A fallback is retried soon: the ingest service may just be starting.
        Duration valid = traffic.measured() ? keep : Duration.ofMinutes(1);
        cache.put(key, new Cached(traffic, now.plus(valid)));
        return traffic;
    }

    private Traffic fetch(String site, RoadClass roadClass, String municipality, Instant now) {
        LocalDate to = LocalDate.ofInstant(now, ZoneId.of("Europe/Berlin"));
        LocalDate from = to.minusDays(365);
        URI uri = URI.create(baseUrl + "/api/v1/flow/figures?sites=" + URLEncoder.encode(site, StandardCharsets.UTF_8)
                + "&from=" + from + "&to=" + to);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "application/json").GET();
            credentials.bearerFor(municipality).ifPresent(token -> request.header("Authorization", "Bearer " + token));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                LOG.warn("Flow API at {} refused road-ai ({}) for site {}: give road-ai the ingest service's token key"
                        + " (roadai.access.token-secret or token-secret-file)", baseUrl, response.statusCode(), site);
                return Traffic.assumedFor(roadClass, Reason.FLOW_API_REFUSED, site);
            }
            if (response.statusCode() != 200) {
                LOG.info("Flow API at {} answered {} for site {}", baseUrl, response.statusCode(), site);
                return Traffic.assumedFor(roadClass, Reason.FLOW_API_UNAVAILABLE, site);
            }
            JsonNode figure = JSON.readTree(response.body()).path("figures").path(0);
            if (!figure.path("dtv").isNumber()) {
                return Traffic.assumedFor(roadClass, Reason.NO_COMPLETE_DAY, site);
            }
            double sv = figure.path("svShare").isNumber() ? figure.path("svShare").asDouble() / 100 : 0;
            return new Traffic(figure.path("dtv").asDouble(), Math.max(0, Math.min(1, sv)),
                    new Traffic.Measured(site, from, to));
        } catch (IOException e) {
            LOG.info("Flow API at {} unreachable for site {}: {}", baseUrl, site, e.toString());
            return Traffic.assumedFor(roadClass, Reason.FLOW_API_UNAVAILABLE, site);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Traffic.assumedFor(roadClass, Reason.FLOW_API_UNAVAILABLE, site);
        }
    }
}
