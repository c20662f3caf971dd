package org.roadpulse.roadai.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadpulse.roadai.service.RunningService.BEXBACH;
import static org.roadpulse.roadai.service.RunningService.THOLEY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.platform.access.Role;
import org.roadpulse.platform.access.testing.ForgedTokens;
import org.roadpulse.roadai.service.RunningService;

/**
 * Verifies that every route of the maintenance-queue service, as the router knows them (so a new endpoint cannot be
 * forgotten), refuses a caller without a token, with a forged, unsigned or malformed token, and with each role that
 * must not reach it; and that staff of one municipality find nothing of another's (404, as for an unknown one).
 * A route this test does not know fails it: add it to {@link #ROLES} or {@link #OPEN} with its rule.
 */
@Tag("security")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Role> STAFF = EnumSet.of(Role.MAINTENANCE, Role.MUNICIPAL_ADMIN, Role.OPERATOR);
    private static final Set<Role> ADMINS = EnumSet.of(Role.MUNICIPAL_ADMIN, Role.OPERATOR);
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    /** Routes anyone may call: the start redirect, login and logout, the API document, health and metrics. */
    private static final Set<String> OPEN = Set.of("GET /", "GET /login", "GET /login/providers",
            "POST /login/session", "POST /logout", "GET /openapi/roadpulse-road-ai.yml", "GET /health",
            "GET /health/{selector}", "GET /prometheus");

    /** Who may call each route that needs a login (the table of docs/security.md). */
    private static final Map<String, Set<Role>> ROLES = Map.ofEntries(
            Map.entry("GET /maintenance", EVERYONE),
            Map.entry("GET /api/v1/me", EVERYONE),
            Map.entry("GET /api/v1/municipalities", STAFF),
            Map.entry("GET /api/v1/municipalities/{ags}/weights", STAFF),
            Map.entry("PUT /api/v1/municipalities/{ags}/weights", ADMINS),
            Map.entry("GET /api/v1/municipalities/{ags}/audit", ADMINS),
            Map.entry("GET /api/v1/municipalities/{ags}/roads", STAFF),
            Map.entry("POST /api/v1/municipalities/{ags}/roads", ADMINS),
            Map.entry("GET /api/v1/municipalities/{ags}/items", STAFF),
            Map.entry("GET /api/v1/municipalities/{ags}/items/{id}", STAFF),
            Map.entry("POST /api/v1/municipalities/{ags}/items/{id}/{action}", STAFF),
            Map.entry("POST /api/v1/municipalities/{ags}/images", STAFF),
            Map.entry("POST /api/v1/municipalities/{ags}/images/batch", STAFF),
            Map.entry("GET /api/v1/municipalities/{ags}/images/{id}/image.jpg", STAFF),
            Map.entry("GET /api/v1/municipalities/{ags}/images/{id}/overlay.jpg", STAFF),
            Map.entry("GET /api/v1/municipalities/{ags}/detections/unmatched", STAFF),
            Map.entry("GET /api/v1/municipalities/{ags}/items.csv", STAFF),
            Map.entry("GET /api/v1/municipalities/{ags}/items.geojson", STAFF),
            Map.entry("GET /api/v1/municipalities/{ags}/dataset.zip", STAFF));

    private RunningService service;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        service = RunningService.start(dataDir, false);
        // Tholey has a road, so its routes have something to leak
        service.postJson("/api/v1/municipalities/" + THOLEY + "/roads", RunningService.THOLEY_ROAD, "gis-office");
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void everyRouteIsKnownToThisTest() {
        TreeSet<String> routes = new TreeSet<>();
        service.context().getBean(Router.class).uriRoutes().forEach(route -> routes.add(describe(route)));

        List<String> unknown = routes.stream().filter(r -> !OPEN.contains(r) && !ROLES.containsKey(r)).toList();

        assertThat(unknown).as("routes without a rule in EveryRouteTest").isEmpty();
        assertThat(routes).containsAll(ROLES.keySet());
    }

    @Test
    void everyRouteThatNeedsALoginRefusesMissingForgedUnsignedAndMalformedTokens() {
        // GIVEN an operator's token signed with another key, an unsigned one ("alg": "none"), and no JWT at all
        List<String> tokens = new ArrayList<>(List.of(ForgedTokens.signedWithAnotherKey(), ForgedTokens.unsigned(),
                "not-a-jwt"));
        tokens.add(null);
        List<String> leaks = new ArrayList<>();
        for (String route : ROLES.keySet()) {
            for (String token : tokens) {
                // WHEN each route is called with it
                HttpResponse<String> response = call(route, THOLEY, token);
                // THEN 401 (the page: a redirect to the login page), never data
                if (response.statusCode() != 401 && !redirectsToLogin(response)) {
                    leaks.add(route + " -> " + response.statusCode());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void everyRouteRefusesEachRoleThatMustNotReachIt() {
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, Set<Role>> route : ROLES.entrySet()) {
            for (Role role : EnumSet.complementOf(EnumSet.copyOf(route.getValue()))) {
                // WHEN a person of Tholey with only that role calls it
                String token = RunningService.token("someone", Set.of(role), Set.of(THOLEY));
                HttpResponse<String> response = call(route.getKey(), THOLEY, token);
                // THEN 403, never data
                if (response.statusCode() != 403) {
                    leaks.add(route.getKey() + " as " + role + " -> " + response.statusCode());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void staffOfAnotherMunicipalityFindNothingOfTholey() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (Role role : List.of(Role.MAINTENANCE, Role.MUNICIPAL_ADMIN)) {
            String bexbach = RunningService.token("bexbach-" + role, Set.of(role), Set.of(BEXBACH));
            for (Map.Entry<String, Set<Role>> route : ROLES.entrySet()) {
                if (!route.getKey().contains("{ags}") || !route.getValue().contains(role)) {
                    continue;
                }
                // WHEN Bexbach's staff call a Tholey route they could call for Bexbach
                HttpResponse<String> response = call(route.getKey(), THOLEY, bexbach);
                // THEN it is not found, as for a municipality that does not exist
                if (response.statusCode() != 404 || !response.body().contains("municipality.unknown")) {
                    leaks.add(route.getKey() + " as " + role + " of Bexbach -> " + response.statusCode() + " "
                            + response.body());
                }
            }
            // AND the list of municipalities names only theirs
            JsonNode listed = JSON.readTree(call("GET /api/v1/municipalities", THOLEY, bexbach).body());
            assertThat(listed.findValuesAsText("ags")).containsExactly(BEXBACH);
        }
        assertThat(leaks).isEmpty();
    }

    /** "METHOD /template"; HEAD routes, which Micronaut adds beside each GET, count as their GET. */
    private static String describe(UriRouteInfo<?, ?> route) {
        String template = route.getUriMatchTemplate().toString().replaceAll("\\{[?&][^}]*}", "");
        String method = route.getHttpMethodName().equals("HEAD") ? "GET" : route.getHttpMethodName();
        return method + " " + template;
    }

    private HttpResponse<String> call(String route, String ags, String token) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replaceAll("^/maintenance$", "/maintenance/")
                .replace("{ags}", ags).replace("{id}", "1")
                .replace("{action}", "confirm").replace("{selector}", "liveness");
        if (path.contains("/images")) {
            // the image routes take multipart forms only, and refuse any other type (415) before anything else
            return service.call(method, path, token, "multipart/form-data; boundary=b",
                    "--b--\r\n".getBytes(StandardCharsets.UTF_8));
        }
        boolean body = method.equals("POST") || method.equals("PUT");
        return service.call(method, path, token, body ? "application/json" : null,
                body ? "{}".getBytes(StandardCharsets.UTF_8) : null);
    }

    private static boolean redirectsToLogin(HttpResponse<String> response) {
        return response.statusCode() / 100 == 3
                && response.headers().firstValue("Location").orElse("").startsWith("/login/");
    }
}
