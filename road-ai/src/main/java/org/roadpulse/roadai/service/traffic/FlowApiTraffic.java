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
import org.roadpulse.roadai.roads.RoadSegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DTV and heavy share of the last 365 days from the ingest service's flow API ({@code GET
 * /api/v1/flow/figures?sites=...}), for segments with a measurement site. Figures are kept for a while; a site the
 * API does not answer for (unreachable, unknown site, no complete day) gets the road class's default, and the
 * source says why.
 */
public final class FlowApiTraffic implements TrafficSource {

    private static final Logger LOG = LoggerFactory.getLogger(FlowApiTraffic.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Cached(Traffic traffic, Instant until) {
    }

    private final String baseUrl;
    private final Duration timeout;
    private final Duration keep;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public FlowApiTraffic(String baseUrl, Duration timeout, Duration keep, Clock clock) {
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        this.timeout = timeout;
        this.keep = keep;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Traffic on(RoadSegment segment) {
        Traffic assumed = Traffic.assumedFor(segment.roadClass());
        if (segment.site().isEmpty()) {
            return new Traffic(assumed.dtv(), assumed.heavyShare(), assumed.source() + ": no measurement site");
        }
        if (baseUrl.isEmpty()) {
            return new Traffic(assumed.dtv(), assumed.heavyShare(), assumed.source() + ": flow API not configured");
        }
        String site = segment.siteId();
        Instant now = clock.instant();
        Cached cached = cache.get(site + "|" + segment.roadClass());
        if (cached != null && cached.until().isAfter(now)) {
            return cached.traffic();
        }
        Traffic traffic = fetch(site, assumed, now);
        // A fallback is retried soon: the ingest service may just be starting.
        Duration valid = traffic.source().startsWith("measured") ? keep : Duration.ofMinutes(1);
        cache.put(site + "|" + segment.roadClass(), new Cached(traffic, now.plus(valid)));
        return traffic;
    }

    private Traffic fetch(String site, Traffic assumed, Instant now) {
        LocalDate to = LocalDate.ofInstant(now, ZoneId.of("Europe/Berlin"));
        LocalDate from = to.minusDays(365);
        URI uri = URI.create(baseUrl + "/api/v1/flow/figures?sites=" + URLEncoder.encode(site, StandardCharsets.UTF_8)
                + "&from=" + from + "&to=" + to);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return fallback(assumed, "flow API answered " + response.statusCode() + " for site " + site);
            }
            JsonNode figure = JSON.readTree(response.body()).path("figures").path(0);
            if (!figure.path("dtv").isNumber()) {
                return fallback(assumed, "no complete day measured at site " + site);
            }
            double sv = figure.path("svShare").isNumber() ? figure.path("svShare").asDouble() / 100 : 0;
            return new Traffic(figure.path("dtv").asDouble(), Math.max(0, Math.min(1, sv)),
                    "measured at site " + site + ", " + from + " to " + to);
        } catch (IOException e) {
            LOG.info("Flow API at {} unreachable for site {}: {}", baseUrl, site, e.toString());
            return fallback(assumed, "flow API unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback(assumed, "flow API unreachable");
        }
    }

    private static Traffic fallback(Traffic assumed, String why) {
        return new Traffic(assumed.dtv(), assumed.heavyShare(), assumed.source() + ": " + why);
    }
}
