package org.roadpulse.roadai.service.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import org.roadpulse.platform.web.PageLogin;
import org.roadpulse.roadai.service.access.Accounts;
import org.roadpulse.roadai.service.access.Staff;
import org.roadpulse.roadai.service.access.TokenCheck;

/**
 * The staff pages' login: {@code POST /login/session} hands the credentials to the ingest service, which keeps the
 * accounts, and sets the token it gives as this service's HttpOnly cookie with a CSRF cookie ({@link CsrfFilter});
 * {@code POST /logout} clears both. API clients log in at the ingest service and send its token as a bearer token.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Access")
final class LoginController {

    private final Accounts accounts;
    private final TokenCheck tokenCheck;

    LoginController(Accounts accounts, TokenCheck tokenCheck) {
        this.accounts = accounts;
        this.tokenCheck = tokenCheck;
    }

    @Serdeable
    record Credentials(@Nullable String username, @Nullable String password) {
    }

    @Serdeable
    record Me(String username, List<String> roles, List<String> municipalities) {
    }

    @Post(uri = "/login/session", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Log the staff pages in", description = """
            JSON `{"username": ..., "password": ...}`, checked by the ingest service's accounts. Sets the token as \
            the cookie `JWT` (HttpOnly, SameSite=Strict) and a readable `CSRF-TOKEN` cookie whose value \
            state-changing requests repeat in the `X-CSRF-Token` header. 401 `login.failed`, 423 `login.locked` and \
            429 `login.rate_limited` come from the ingest service; 503 `login.unavailable` when it cannot be asked.""")
    HttpResponse<?> session(HttpRequest<?> request, @Body @Nullable Credentials credentials) {
        Accounts.Outcome outcome = accounts.logIn(credentials == null ? null : credentials.username(),
                credentials == null ? null : credentials.password(), address(request));
        if (outcome instanceof Accounts.Refused refused) {
            return HttpResponse.status(HttpStatus.valueOf(refused.status())).contentType(MediaType.APPLICATION_JSON)
                    .body(refused.body());
        }
        if (outcome instanceof Accounts.LoggedIn loggedIn && checks(loggedIn.token())) {
            Duration valid = Duration.ofSeconds(loggedIn.expiresIn());
            MutableHttpResponse<?> response = HttpResponse.noContent();
            response.cookie(cookie(request, PageLogin.TOKEN_COOKIE, loggedIn.token(), true).maxAge(valid));
            response.cookie(cookie(request, PageLogin.CSRF_COOKIE, PageLogin.randomToken(), false).maxAge(valid));
            return response;
        }
        String why = outcome instanceof Accounts.Unavailable unavailable ? unavailable.why()
                : "this service cannot check the tokens the account service signs: give it the same key "
                        + "(roadai.access.token-secret or token-secret-file)";
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new Replies.Error("login.unavailable", null, why));
    }

    /** The login page asks; the municipal identity provider's login is the ingest service's (one login per host). */
    @Serdeable
    record Providers(boolean oidc) {
    }

    @Get(uri = "/login/providers", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether this service offers an identity provider's login: no, only the ingest service does")
    Providers providers() {
        return new Providers(false);
    }

    @Post(uri = "/logout", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Log the staff pages out: clears the cookies")
    HttpResponse<?> logout(HttpRequest<?> request) {
        return HttpResponse.noContent()
                .cookie(cookie(request, PageLogin.TOKEN_COOKIE, "", true).maxAge(0))
                .cookie(cookie(request, PageLogin.CSRF_COOKIE, "", false).maxAge(0));
    }

    @Get(uri = "/api/v1/me", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Who the token belongs to: name, roles, municipalities (AGS)")
    Me me(@Parameter(hidden = true) Staff staff) {
        return new Me(staff.username(), staff.roles().stream().map(Enum::name).sorted().toList(),
                staff.municipalities().stream().sorted().toList());
    }

    /** A token this service could not check would log the person in only to refuse every request after. */
    private boolean checks(String token) {
        try {
            return tokenCheck.verify(SignedJWT.parse(token));
        } catch (ParseException | JOSEException e) {
            return false;
        }
    }

    /** SameSite=Strict: the browser sends the cookies on this site's own requests only. */
    private static Cookie cookie(HttpRequest<?> request, String name, String value, boolean httpOnly) {
        return Cookie.of(name, value).path("/").httpOnly(httpOnly).sameSite(SameSite.Strict)
                .secure(request.isSecure());
    }

    private static String address(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
