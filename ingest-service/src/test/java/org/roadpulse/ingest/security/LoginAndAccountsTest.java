package org.roadpulse.ingest.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roadpulse.ingest.testing.HttpCalls;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in through HTTP: the token and what it says, lock-out and rate limit, the pages' cookie with its CSRF rule,
 * password change, security headers, and what stays open without login.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class LoginAndAccountsTest implements TestPropertyProvider {

    private static final String JSON = "application/json";
    private static final String OPERATOR_PASSWORD = "operator test password";

    private final TestDatabase db = TestPostgres.freshDatabase();
    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    private HttpCalls http;
    private HttpCalls operator;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(db.servicePropertiesInTempFolder());
        properties.put("roadpulse.security.operator-password", OPERATOR_PASSWORD);
        return properties;
    }

    @BeforeAll
    void logInAsTheFirstOperator() {
        http = new HttpCalls(server.getURL());
        HttpResponse<String> login = login("operator", OPERATOR_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(200);
        operator = http.as(json(login).get("token").asText());
        for (String name : List.of("planner.locked", "planner.limited", "planner.session", "planner.changes",
                "planner.demoted", "planner.removed", "planner.ownpass")) {
            assertThat(operator.post("/api/v1/users", JSON, null, utf8("""
                    {"username": "%s", "password": "first password 1", "roles": ["PLANNER"],
                     "municipalities": ["10045111"]}""".formatted(name))).statusCode()).isEqualTo(201);
        }
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void theTokenNamesThePersonTheirRolesAndMunicipalities() throws IOException {
        // WHEN a planner logs in
        HttpResponse<String> login = login("planner.changes", "first password 1");

        // THEN the answer holds a bearer JWT whose claims road-ai can read too, and the token works
        JsonNode body = json(login);
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        String[] parts = body.get("token").asText().split("\\.");
        JsonNode claims = mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.get("sub").asText()).isEqualTo("planner.changes");
        assertThat(claims.get("roles").toString()).isEqualTo("[\"PLANNER\"]");
        assertThat(claims.get("municipalities").toString()).isEqualTo("[\"10045111\"]");
        assertThat(claims.has("exp")).isTrue();
        HttpResponse<String> me = http.as(body.get("token").asText()).get("/api/v1/me");
        assertThat(json(me).get("username").asText()).isEqualTo("planner.changes");
    }

    @Test
    void wrongPasswordsAre401AndTheFifthLocksTheAccountWith423() {
        // WHEN four wrong passwords, a fifth, and then the right one are sent
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> wrong = login("planner.locked", "wrong password " + i);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(json(wrong).get("reason").asText()).isEqualTo("login.failed");
        }
        HttpResponse<String> fifth = login("planner.locked", "wrong password 5");
        HttpResponse<String> right = login("planner.locked", "first password 1");

        // THEN the fifth locks the account, and the right password is refused while it is locked
        assertThat(fifth.statusCode()).isEqualTo(423);
        assertThat(json(fifth).get("reason").asText()).isEqualTo("login.locked");
        assertThat(right.statusCode()).isEqualTo(423);
        assertThat(operator.get("/api/v1/audit").body()).contains("login.locked");
    }

    @Test
    void tooManyAttemptsForOneNameInAMinuteAre429() {
        // WHEN an unknown name is tried 11 times in a row
        int last = 0;
        for (int i = 0; i < 11; i++) {
            last = login("nobody.here", "guess " + i).statusCode();
        }

        // THEN the 11th is not even checked
        assertThat(last).isEqualTo(429);
    }

    @Test
    void thePagesCookieIsHttpOnlyStrictAndChangesWithItNeedTheCsrfHeader() {
        // GIVEN a page login
        HttpResponse<String> session = http.post("/login/session", JSON, null, utf8(
                "{\"username\": \"planner.session\", \"password\": \"first password 1\"}"));
        List<String> cookies = session.headers().allValues("Set-Cookie");
        String jwt = cookieValue(cookies, "JWT");
        String csrf = cookieValue(cookies, "CSRF-TOKEN");
        String cookieHeader = "JWT=" + jwt + "; CSRF-TOKEN=" + csrf;

        // WHEN the cookie alone reads, and then changes a password without, with a wrong and with the right header
        HttpResponse<String> read = http.call("GET", "/api/v1/me", null, null, "Cookie", cookieHeader);
        byte[] change = utf8("{\"currentPassword\": \"first password 1\", \"newPassword\": \"second password 2\"}");
        HttpResponse<String> without = http.call("POST", "/api/v1/me/password", JSON, change, "Cookie", cookieHeader);
        HttpResponse<String> wrong = http.call("POST", "/api/v1/me/password", JSON, change, "Cookie", cookieHeader,
                "X-CSRF-Token", "guessed");
        HttpResponse<String> right = http.call("POST", "/api/v1/me/password", JSON, change, "Cookie", cookieHeader,
                "X-CSRF-Token", csrf);

        // THEN the token cookie is HttpOnly and SameSite=Strict; reading works; only the right header changes
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(json(session).path("token").asText()).isEmpty();
        assertThat(cookies.stream().filter(c -> c.startsWith("JWT=")).findFirst().orElseThrow())
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(json(without).get("reason").asText()).isEqualTo("csrf.invalid");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(right.statusCode()).isEqualTo(204);
        assertThat(login("planner.session", "second password 2").statusCode()).isEqualTo(200);
        assertThat(login("planner.session", "first password 1").statusCode()).isEqualTo(401);
    }

    @Test
    void aChangeOfSomeonesAccessVoidsTheirEarlierTokens() throws InterruptedException {
        // GIVEN three people logged in, and the operator
        HttpCalls demoted = http.as(json(login("planner.demoted", "first password 1")).get("token").asText());
        HttpCalls removed = http.as(json(login("planner.removed", "first password 1")).get("token").asText());
        HttpCalls ownPass = http.as(json(login("planner.ownpass", "first password 1")).get("token").asText());
        assertThat(demoted.get("/api/v1/sites").statusCode()).isEqualTo(200);

        // WHEN an admin moves one to another municipality and removes another, and the third changes their password
        assertThat(operator.put("/api/v1/users/planner.demoted", JSON, utf8(
                "{\"roles\": [\"PLANNER\"], \"municipalities\": [\"10046118\"]}")).statusCode()).isEqualTo(200);
        assertThat(operator.delete("/api/v1/users/planner.removed").statusCode()).isEqualTo(204);
        assertThat(ownPass.post("/api/v1/me/password", JSON, null, utf8(
                "{\"currentPassword\": \"first password 1\", \"newPassword\": \"second password 2\"}"))
                .statusCode()).isEqualTo(204);

        // THEN their earlier tokens are refused at once on this instance, though signed and unexpired (another
        // instance sees the change at its next refresh, within seconds)
        for (HttpCalls voided : List.of(demoted, removed, ownPass)) {
            assertThat(voided.get("/api/v1/me").statusCode()).isEqualTo(401);
        }
        // AND a new login gets a working token with the new access; the operator's token was not touched
        HttpResponse<String> again = login("planner.demoted", "first password 1");
        assertThat(json(http.as(json(again).get("token").asText()).get("/api/v1/me")).get("municipalities")
                .toString()).isEqualTo("[\"10046118\"]");
        assertThat(login("planner.ownpass", "second password 2").statusCode()).isEqualTo(200);
        assertThat(operator.get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void logoutClearsTheCookies() {
        HttpResponse<String> logout = http.call("POST", "/logout", null, null, "Cookie", "JWT=x; CSRF-TOKEN=t",
                "X-CSRF-Token", "t");
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JWT=;")
                .containsIgnoringCase("Max-Age=0"));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (HttpResponse<String> response : List.of(http.get("/health"), http.get("/api/v1/sites"),
                http.get("/login/"), http.get("/planning/js/app.js"), operator.get("/api/v1/sites"),
                operator.get("/planning/js/app.js"), http.get("/no/such/page"))) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().toString())
                    .hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
        }
    }

    @Test
    void healthMetricsApiDocumentationAndTheLoginPageNeedNoLogin() {
        for (String path : List.of("/health", "/prometheus", "/openapi/roadpulse-ingest.yml", "/api-docs/",
                "/login/", "/login/login.js", "/")) {
            assertThat(http.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(http.get("/api/v1/sites").statusCode()).isEqualTo(401);
    }

    @Test
    void theAccountListShowsNoPasswordHashes() {
        HttpResponse<String> list = operator.get("/api/v1/users");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("operator", "planner.changes").doesNotContain("argon2", "password");
    }

    private HttpResponse<String> login(String username, String password) {
        return http.post("/api/v1/login", JSON, null, utf8(
                "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}"));
    }

    private static String cookieValue(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + setCookies));
    }

    private JsonNode json(HttpResponse<String> response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(response.statusCode() + " " + response.body(), e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
