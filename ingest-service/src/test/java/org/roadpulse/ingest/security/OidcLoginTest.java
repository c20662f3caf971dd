package org.roadpulse.ingest.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roadpulse.ingest.testing.StandInIdentityProvider;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in with a municipal identity provider (OIDC authorization code flow), as a browser would go through it:
 * to the IdP, back with a code, the service exchanges it, checks the signed ID token and maps the IdP's groups to
 * roles and municipalities. The IdP is {@link StandInIdentityProvider}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class OidcLoginTest implements TestPropertyProvider {

    private final TestDatabase db = TestPostgres.freshDatabase();
    private final StandInIdentityProvider idp = StandInIdentityProvider.start();
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(db.servicePropertiesInTempFolder());
        properties.put("micronaut.security.oauth2.enabled", "true");
        properties.put("micronaut.security.oauth2.clients.municipal.client-id", StandInIdentityProvider.CLIENT_ID);
        properties.put("micronaut.security.oauth2.clients.municipal.client-secret",
                StandInIdentityProvider.CLIENT_SECRET);
        properties.put("micronaut.security.oauth2.clients.municipal.openid.issuer", idp.issuer());
        return properties;
    }

    @AfterAll
    void stop() {
        idp.close();
        db.close();
    }

    @Test
    void aPersonInTheIdpsMaintenanceAndPlannerGroupsOfTholeyGetsThoseRolesThere() throws Exception {
        // GIVEN the IdP knows Anna with two RoadPulse groups and one of its own
        idp.nextLogin("anna.tholey", List.of("roadpulse-planner-10046118", "roadpulse-maintenance-10046118",
                "kantine"));

        // WHEN she goes through the OIDC login
        String token = logIn().orElseThrow(() -> new AssertionError("no login cookie"));

        // THEN the service's own token names her with those roles in Tholey
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/me"))
                .header("Cookie", "JWT=" + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"anna.tholey\"", "PLANNER", "MAINTENANCE", "10046118")
                .doesNotContain("OPERATOR");
    }

    @Test
    void theLoginPageIsToldToOfferTheIdpsLogin() throws Exception {
        HttpResponse<String> providers = browser.send(HttpRequest.newBuilder(URI.create(server.getURL()
                        + "/login/providers")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(providers.body()).contains("\"oidc\":true", "/oauth/login/municipal");
    }

    @Test
    void aPersonWithoutARoadPulseGroupIsNotLoggedIn() throws Exception {
        idp.nextLogin("visitor", List.of("kantine"));

        assertThat(logIn()).isEmpty();
    }

    /** The browser's way through the flow; the service's login cookie at the end, if it set one. */
    private java.util.Optional<String> logIn() throws IOException, InterruptedException {
        // the service sends the browser to the IdP, remembering state and nonce in cookies
        HttpResponse<String> start = send(URI.create(server.getURL() + "/oauth/login/municipal"), "");
        assertThat(start.statusCode()).as(start.body()).isBetween(300, 399);
        String cookies = cookies(start);
        URI toIdp = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(toIdp.toString()).startsWith(idp.issuer() + "/authorize");
        // the IdP logs the person in and sends the browser back with a code
        HttpResponse<String> fromIdp = send(toIdp, "");
        URI callback = URI.create(fromIdp.headers().firstValue("Location").orElseThrow());
        // the service exchanges the code, checks the ID token and sets its own cookie
        HttpResponse<String> done = send(callback, cookies);
        return done.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JWT=") && c.length() > 10)
                .map(c -> c.substring(4, c.indexOf(';'))).filter(value -> !value.isEmpty()).findFirst();
    }

    private HttpResponse<String> send(URI uri, String cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().header("Accept", "text/html");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookies(HttpResponse<?> response) {
        List<String> pairs = new ArrayList<>();
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            pairs.add(cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')));
        }
        return pairs.stream().collect(Collectors.joining("; "));
    }
}
