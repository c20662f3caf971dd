package org.roadpulse.roadai.service.traffic;


import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roadpulse.platform.access.ServiceTokens;
import org.roadpulse.roadai.maintenance.Traffic;
import org.roadpulse.roadai.maintenance.Traffic.Reason;
import org.roadpulse.roadai.roads.GeoPoint;
import org.roadpulse.roadai.roads.RoadClass;
import org.roadpulse.roadai.roads.RoadSegment;

/** Traffic from the ingest service's flow API, and what a road gets when the API cannot tell. */
class FlowApiTrafficTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    private static final String KEY = "the-ingest-services-token-key-of-32+-characters";
    private HttpServer flowApi;
    private final AtomicReference<String> asked = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        flowApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        flowApi.createContext("/api/v1/flow/figures", exchange -> {
            asked.set(exchange.getRequestURI().getQuery());
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean known = exchange.getRequestURI().getQuery().contains("sites=tholey-l141");
            byte[] body = (known ? "{\"figures\":[{\"site\":\"tholey-l141\",\"dtv\":7400.0,\"svShare\":9.5}]}"
                    : "{\"figures\":[{\"site\":\"other\",\"dtv\":null,\"svShare\":null}]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        flowApi.start();
    }

    @AfterEach
    void stop() {
        flowApi.stop(0);
    }

    @Test
    void aRoadWithAMeasurementSiteGetsItsMeasuredDtvAndHeavyShareOfTheLastYear() {
        Traffic traffic = source("http://127.0.0.1:" + flowApi.getAddress().getPort()).on(road("tholey-l141"));
        assertThat(traffic.dtv()).isEqualTo(7400);
        assertThat(traffic.heavyShare()).isEqualTo(0.095);
        assertThat(traffic.source()).isEqualTo(new Traffic.Measured("tholey-l141", LocalDate.of(2025, 12, 6),
                LocalDate.of(2026, 12, 6)));
        assertThat(asked.get()).isEqualTo("sites=tholey-l141&from=2025-12-06&to=2026-12-06");
    }

    @Test
    void withoutASiteOrAnAnswerTheRoadClassDefaultIsUsedAndTheSourceSaysWhy() {
        String url = "http://127.0.0.1:" + flowApi.getAddress().getPort();
        assertThat(source(url).on(road(null)).source())
                .isEqualTo(new Traffic.Assumed(RoadClass.STATE, Reason.NO_SITE, null));
        assertThat(source(url).on(road("other")).source())
                .isEqualTo(new Traffic.Assumed(RoadClass.STATE, Reason.NO_COMPLETE_DAY, "other"));
        Traffic unreachable = source("http://127.0.0.1:9").on(road("tholey-l141"));
        assertThat(unreachable.dtv()).isEqualTo(RoadClass.STATE.defaultDtv());
        assertThat(unreachable.source())
                .isEqualTo(new Traffic.Assumed(RoadClass.STATE, Reason.FLOW_API_UNAVAILABLE, "tholey-l141"));
        assertThat(source("").on(road("tholey-l141")).source().code()).isEqualTo("flow-api-not-configured");
    }

    @Test
    void anErrorAnswerCountsAsUnavailable() {
        // GIVEN a flow API that answers 503
        flowApi.removeContext("/api/v1/flow/figures");
        flowApi.createContext("/api/v1/flow/figures", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        // THEN the road gets its class's default, and the source names the site and the reason
        Traffic traffic = source("http://127.0.0.1:" + flowApi.getAddress().getPort()).on(road("tholey-l141"));
        assertThat(traffic.source())
                .isEqualTo(new Traffic.Assumed(RoadClass.STATE, Reason.FLOW_API_UNAVAILABLE, "tholey-l141"));
    }

    @Test
    void eachLookupShowsAPlannersTokenForTheRoadsMunicipalitySignedWithTheSharedKey() throws Exception {
        // GIVEN road-ai with the ingest service's token key
        ServiceTokens tokens = new ServiceTokens(KEY, "road-ai", Duration.ofMinutes(5), Clock.systemUTC());
        FlowApiCredentials credentials = municipality ->
                Optional.of(tokens.issue(Set.of("PLANNER"), Set.of(municipality)));
        FlowApiTraffic source = new FlowApiTraffic("http://127.0.0.1:" + flowApi.getAddress().getPort(), credentials,
                Duration.ofSeconds(2), Duration.ofMinutes(60), CLOCK);

        // WHEN it looks up a Tholey road
        source.on(road("tholey-l141"));

        // THEN the flow API saw a bearer token the key verifies, a planner's for Tholey only
        assertThat(authorization.get()).startsWith("Bearer ");
        SignedJWT token = SignedJWT.parse(authorization.get().substring("Bearer ".length()));
        assertThat(token.verify(new MACVerifier(KEY.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("road-ai");
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("PLANNER");
        assertThat(token.getJWTClaimsSet().getStringListClaim("municipalities")).containsExactly("10046118");
    }

    @Test
    void aFigureFetchedWithOneMunicipalitysTokenIsNotReusedForAnother() {
        // GIVEN a flow API that gives Tholey's site only to Tholey's token
        flowApi.removeContext("/api/v1/flow/figures");
        flowApi.createContext("/api/v1/flow/figures", exchange -> {
            boolean tholey = "Bearer 10046118".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"figures\":[{\"site\":\"tholey-l141\",\"dtv\":7400.0,\"svShare\":9.5}]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(tholey ? 200 : 403, tholey ? body.length : -1);
            if (tholey) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        FlowApiTraffic source = new FlowApiTraffic("http://127.0.0.1:" + flowApi.getAddress().getPort(),
                Optional::of, Duration.ofSeconds(2), Duration.ofMinutes(60), CLOCK);

        // WHEN a Tholey road is looked up, then a Bexbach road naming the same site
        Traffic tholey = source.on(road("tholey-l141"));
        Traffic bexbach = source.on(new RoadSegment("B-1", "Saarbrücker Straße", RoadClass.STATE, "10045111",
                "tholey-l141", List.of(new GeoPoint(49.36, 7.25), new GeoPoint(49.36, 7.26))));

        // THEN only Tholey's road gets the measured figures
        assertThat(tholey.measured()).isTrue();
        assertThat(bexbach.source())
                .isEqualTo(new Traffic.Assumed(RoadClass.STATE, Reason.FLOW_API_REFUSED, "tholey-l141"));
    }

    @Test
    void aRefusedTokenSaysSoInsteadOfUnavailable() {
        // GIVEN a flow API that refuses road-ai (no key, or another key)
        flowApi.removeContext("/api/v1/flow/figures");
        flowApi.createContext("/api/v1/flow/figures", exchange -> {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        // THEN the road gets its class's default, and the source says the API refused
        Traffic traffic = source("http://127.0.0.1:" + flowApi.getAddress().getPort()).on(road("tholey-l141"));
        assertThat(traffic.source())
                .isEqualTo(new Traffic.Assumed(RoadClass.STATE, Reason.FLOW_API_REFUSED, "tholey-l141"));
    }

    private static FlowApiTraffic source(String url) {
        return new FlowApiTraffic(url, FlowApiCredentials.none(), Duration.ofSeconds(2), Duration.ofMinutes(60), CLOCK);
    }

    private static RoadSegment road(String site) {
        return new RoadSegment("L-141", "Hauptstraße", RoadClass.STATE, "10046118", site,
                List.of(new GeoPoint(49.48, 7.03), new GeoPoint(49.48, 7.05)));
    }
}
