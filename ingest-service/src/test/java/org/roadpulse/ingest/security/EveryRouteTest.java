package org.roadpulse.ingest.security;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roadpulse.platform.access.Role;
import org.roadpulse.platform.access.testing.ForgedTokens;
import org.roadpulse.ingest.testing.HttpCalls;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestLogins;
import org.roadpulse.ingest.testing.TestPostgres;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that every route of the service, as the router knows them (so a new endpoint cannot be forgotten), refuses
 * a caller without a token, with a forged or malformed token, and with each role that must not reach it. A route
 * this test does not know fails it: add the route to {@link #ROLES} or {@link #OPEN} with its rule.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class EveryRouteTest implements TestPropertyProvider {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> READERS = EnumSet.of(Role.PLANNER, Role.MUNICIPAL_ADMIN, Role.OPERATOR);
    private static final Set<Role> ADMINS = EnumSet.of(Role.MUNICIPAL_ADMIN, Role.OPERATOR);

    /** Routes anyone may call: login, logout, the login and API pages, health, metrics, device intake (which
     * checks the device's own secret, see HttpIntakeTest) and the broker hook (which checks the broker's key, see
     * BrokerHookTest). */
    private static final Set<String> OPEN = Set.of(
            "POST /api/v1/login", "POST /login/session", "GET /login/providers", "POST /logout", "GET /login/",
            "GET /api-docs/",
            "GET /openapi/roadpulse-ingest.yml", "GET /login", "GET /api-docs",
            "POST /api/v1/devices/{deviceId}/counts",
            "POST /api/v1/devices/{deviceId}/status", "GET /health", "GET /health/{selector}",
            "GET /prometheus", "POST /broker/v1/authenticate");

    /** Who may call each route that needs a login (the table of docs/security.md). */
    private static final Map<String, Set<Role>> ROLES = Map.ofEntries(
            Map.entry("GET /api/v1/flow/volumes", READERS),
            Map.entry("GET /api/v1/flow/figures", READERS),
            Map.entry("GET /api/v1/flow/volumes.csv", READERS),
            Map.entry("GET /api/v1/flow/figures.csv", READERS),
            Map.entry("GET /api/v1/flow/volumes.datex2.xml", READERS),
            Map.entry("GET /api/v1/flow/volumes.ngsi-ld.json", READERS),
            Map.entry("GET /api/v1/sites.datex2.xml", READERS),
            Map.entry("GET /api/v1/sites", READERS),
            Map.entry("GET /api/v1/sites/{id}", READERS),
            Map.entry("PUT /api/v1/sites/{id}", ADMINS),
            Map.entry("DELETE /api/v1/sites/{id}", ADMINS),
            Map.entry("GET /api/v1/sites.geojson", READERS),
            Map.entry("POST /api/v1/sites.geojson", ADMINS),
            Map.entry("GET /api/v1/devices", ADMINS),
            Map.entry("POST /api/v1/devices", ADMINS),
            Map.entry("POST /api/v1/devices/{deviceId}/rotate", ADMINS),
            Map.entry("POST /api/v1/devices/{deviceId}/revoke", ADMINS),
            Map.entry("POST /api/v1/devices/{deviceId}/reinstate", ADMINS),
            Map.entry("GET /api/v1/users", ADMINS),
            Map.entry("POST /api/v1/users", ADMINS),
            Map.entry("GET /api/v1/users/{username}", ADMINS),
            Map.entry("PUT /api/v1/users/{username}", ADMINS),
            Map.entry("DELETE /api/v1/users/{username}", ADMINS),
            Map.entry("GET /api/v1/audit", ADMINS),
            Map.entry("GET /api/v1/me", EVERYONE),
            Map.entry("POST /api/v1/me/password", EVERYONE),
            Map.entry("GET /api/v1/planning/settings", EVERYONE),
            Map.entry("GET /planning/", EVERYONE),
            Map.entry("GET /planning", EVERYONE));

    private final TestDatabase db = TestPostgres.freshDatabase();

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    @Override
    public Map<String, String> getProperties() {
        return db.servicePropertiesInTempFolder();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void everyRouteIsKnownToThisTest() {
        // WHEN the router's routes are listed
        List<String> unknown = routes().stream().filter(r -> !OPEN.contains(r) && !ROLES.containsKey(r)).toList();

        // THEN each has its rule here
        assertThat(unknown).as("routes without a rule in EveryRouteTest").isEmpty();
    }

    @Test
    void everyRouteThatNeedsALoginRefusesMissingForgedAndMalformedTokens() {
        // GIVEN a token signed with another key, an unsigned one ("alg": "none"), and one that is no JWT at all
        String forged = ForgedTokens.signedWithAnotherKey();
        String unsigned = ForgedTokens.unsigned();
        HttpCalls anonymous = new HttpCalls(server.getURL());
        List<String> leaks = new ArrayList<>();

        for (String route : ROLES.keySet()) {
            // WHEN each route is called without a token, with the forged ones and with garbage
            for (HttpCalls caller : List.of(anonymous, anonymous.as(forged), anonymous.as(unsigned),
                    anonymous.as("not-a-jwt"))) {
                HttpResponse<String> response = call(caller, route);
                // THEN each answers 401 (pages: a redirect to the login page), never data
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
                // WHEN a person with only that role calls it
                String token = TestLogins.token(server.getApplicationContext(), "someone", Set.of(role),
                        Set.of("10045111"));
                HttpResponse<String> response = call(new HttpCalls(server.getURL(), token), route.getKey());

                // THEN 403, never data
                if (response.statusCode() != 403) {
                    leaks.add(route.getKey() + " as " + role + " -> " + response.statusCode());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theBrokerHookIsOffWithoutAKey() {
        // GIVEN no roadpulse.broker.hook-key (as here and in the embedded default)
        // WHEN someone asks it with any key
        HttpResponse<String> response = new HttpCalls(server.getURL()).call("POST", "/broker/v1/authenticate",
                "application/json", "{\"clientid\":\"a\",\"username\":\"a\",\"password\":\"b\"}"
                        .getBytes(StandardCharsets.UTF_8), "X-RoadPulse-Broker-Key", "");

        // THEN there is no such hook: no one can use it to try device secrets
        assertThat(response.statusCode()).isEqualTo(404);
    }

    private List<String> routes() {
        TreeSet<String> routes = new TreeSet<>();
        router.uriRoutes().forEach(route -> routes.add(describe(route)));
        return List.copyOf(routes);
    }

    /** "METHOD /template"; HEAD routes, which Micronaut adds beside each GET, count as their GET. */
    private static String describe(UriRouteInfo<?, ?> route) {
        String template = route.getUriMatchTemplate().toString().replaceAll("\\{[?&][^}]*}", "");
        String method = route.getHttpMethodName().equals("HEAD") ? "GET" : route.getHttpMethodName();
        return method + " " + template;
    }

    private static HttpResponse<String> call(HttpCalls caller, String route) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]*}", "bexbach-rathausstrasse");
        boolean body = method.equals(HttpMethod.POST.name()) || method.equals(HttpMethod.PUT.name());
        return caller.call(method, path, body ? "application/json" : null,
                body ? "{}".getBytes(StandardCharsets.UTF_8) : null);
    }

    private static boolean redirectsToLogin(HttpResponse<String> response) {
        return response.statusCode() / 100 == 3
                && response.headers().firstValue("Location").orElse("").startsWith("/login/");
    }
}
