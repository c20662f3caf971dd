package org.roadpulse.roadai.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.platform.access.ServiceTokens;
import org.roadpulse.platform.web.PageLogin;
import org.roadpulse.roadai.service.AccountServiceStandIn;
import org.roadpulse.roadai.service.RunningService;
import org.roadpulse.roadai.service.TestPostgres;

/**
 * The staff pages' login over HTTP: the account service's answer becomes this service's cookies, changes made with
 * the cookie need the CSRF header, logout clears the cookies, and the account service's refusals and absence are
 * told apart from a wrong password.
 */
@Tag("security")
class PageLoginSessionTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void aLoginSetsHttpOnlyStrictCookiesThatOpenTheApiAndChangesNeedTheCsrfHeader() throws Exception {
        try (AccountServiceStandIn accounts = AccountServiceStandIn.start();
             RunningService service = start(accounts.url())) {
            // WHEN the right password is posted to the login
            HttpResponse<String> login = login(service, AccountServiceStandIn.USER, AccountServiceStandIn.PASSWORD);

            // THEN the token comes back as an HttpOnly, SameSite=Strict cookie with a readable CSRF cookie
            assertThat(login.statusCode()).isEqualTo(204);
            List<String> cookies = login.headers().allValues("Set-Cookie");
            String jwt = cookie(cookies, "JWT");
            String csrf = cookie(cookies, "CSRF-TOKEN");
            assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JWT=").contains("HTTPOnly")
                    .containsIgnoringCase("SameSite=Strict"));
            assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("CSRF-TOKEN=").doesNotContain("HTTPOnly"));

            // AND the account service was asked with road-ai's service token, naming the person's address, so that
            // its per-address login limit counts the person and not road-ai
            Map<String, String> asked = accounts.logins().get(0);
            assertThat(asked.get(PageLogin.LOGIN_FOR_HEADER)).isEqualTo("127.0.0.1");
            SignedJWT serviceToken = SignedJWT.parse(asked.get("Authorization").substring("Bearer ".length()));
            assertThat(serviceToken.verify(new MACVerifier(RunningService.TOKEN_KEY.getBytes(StandardCharsets.UTF_8))))
                    .isTrue();
            assertThat(serviceToken.getJWTClaimsSet().getClaim(ServiceTokens.SERVICE)).isEqualTo("road-ai");

            // AND the cookie opens the API as that person
            HttpResponse<String> me = send(service, "GET", "/api/v1/me", "JWT=" + jwt, null);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"username\":\"anna.tholey\"", "MAINTENANCE", RunningService.THOLEY);

            // AND a change with the cookie is refused without the CSRF header and accepted with it
            String item = "/api/v1/municipalities/" + RunningService.THOLEY + "/items/1/confirm";
            HttpResponse<String> forged = send(service, "POST", item, "JWT=" + jwt + "; CSRF-TOKEN=" + csrf, null);
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.body()).contains("csrf.invalid");
            HttpResponse<String> real = send(service, "POST", item, "JWT=" + jwt + "; CSRF-TOKEN=" + csrf, csrf);
            assertThat(real.statusCode()).as(real.body()).isEqualTo(404); // past CSRF: there is no item 1

            // AND logout clears both cookies
            HttpResponse<String> logout = send(service, "POST", "/logout", "JWT=" + jwt + "; CSRF-TOKEN=" + csrf, csrf);
            assertThat(logout.statusCode()).isEqualTo(204);
            assertThat(logout.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JWT=;")
                    .containsIgnoringCase("Max-Age=0"));
        }
    }

    @Test
    void aWrongPasswordIsTheAccountServicesRefusalAndAnAbsentOneIsUnavailable() throws Exception {
        try (AccountServiceStandIn accounts = AccountServiceStandIn.start();
             RunningService service = start(accounts.url())) {
            HttpResponse<String> wrong = login(service, AccountServiceStandIn.USER, "wrong");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("login.failed");
            assertThat(wrong.headers().allValues("Set-Cookie")).isEmpty();
        }
        try (RunningService service = start("http://127.0.0.1:9")) {
            HttpResponse<String> absent = login(service, AccountServiceStandIn.USER, AccountServiceStandIn.PASSWORD);
            assertThat(absent.statusCode()).isEqualTo(503);
            assertThat(absent.body()).contains("login.unavailable", "cannot be reached");
        }
    }

    @Test
    void aTokenThisServiceCannotCheckDoesNotLogIn() throws Exception {
        // GIVEN road-ai was given another key than the account service signs with
        try (AccountServiceStandIn accounts = AccountServiceStandIn.start();
             RunningService service = RunningService.start(dataDir, TestPostgres.freshDatabase(), false,
                     Map.of("roadai.access.accounts-url", accounts.url(),
                             "roadai.access.token-secret", "a different key of at least thirty-two characters"))) {
            // WHEN the right password is posted
            HttpResponse<String> login = login(service, AccountServiceStandIn.USER, AccountServiceStandIn.PASSWORD);

            // THEN no cookie is set and the answer says the keys differ
            assertThat(login.statusCode()).isEqualTo(503);
            assertThat(login.body()).contains("login.unavailable", "same key");
            assertThat(login.headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    private RunningService start(String accountsUrl) {
        return RunningService.start(dataDir, TestPostgres.freshDatabase(), false,
                Map.of("roadai.access.accounts-url", accountsUrl));
    }

    private HttpResponse<String> login(RunningService service, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(address(service, "/login/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\""
                        + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(RunningService service, String method, String path, String cookies,
                                      String csrfHeader) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(address(service, path))
                .header("Cookie", cookies).header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (csrfHeader != null) {
            request.header("X-CSRF-Token", csrfHeader);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI address(RunningService service, String path) {
        return URI.create(service.url().toString().replaceAll("/$", "") + path);
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).orElseThrow();
    }
}
