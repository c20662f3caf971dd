package org.roadpulse.ingest.http;

import io.micronaut.context.annotation.Value;
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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.access.Caller;
import org.roadpulse.ingest.access.LoginThrottle;
import org.roadpulse.ingest.access.Person;
import org.roadpulse.ingest.access.SignIn;
import org.roadpulse.ingest.access.Tokens;
import org.roadpulse.platform.access.ServiceTokens;
import org.roadpulse.platform.web.PageLogin;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Logging in: {@code POST /api/v1/login} gives a bearer token for API clients, {@code POST /login/session} sets the
 * same token as an HttpOnly cookie for the pages, with a CSRF cookie ({@link CsrfFilter}); {@code POST /logout}
 * clears both. Wrong credentials are a 401 {@code login.failed}, a locked account a 423 {@code login.locked}, too
 * many attempts a 429 {@code login.rate_limited}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = ApiDocument.ACCESS)
final class LoginController {

    static final String TOKEN_COOKIE = PageLogin.TOKEN_COOKIE;

    private final SignIn signIn;
    private final Tokens tokens;
    private final LoginThrottle throttle;
    private final LoginThrottle addressThrottle;
    private final boolean oidc;

    LoginController(SignIn signIn, Tokens tokens, IngestSettings.Security settings,
                    @Value("${micronaut.security.oauth2.enabled:false}") boolean oidc,
                    @Value("${micronaut.security.oauth2.clients.municipal.client-id:}") String oidcClient) {
        this.oidc = oidc && !oidcClient.isBlank();
        this.signIn = signIn;
        this.tokens = tokens;
        this.throttle = new LoginThrottle(settings.loginsPerMinute(), Clock.systemUTC());
        this.addressThrottle = new LoginThrottle(6 * settings.loginsPerMinute(), Clock.systemUTC());
    }

    @Serdeable
    record Credentials(@Nullable String username, @Nullable String password) {
    }

    /** How one may log in besides a password: {@code oidc} is the municipal identity provider's login. */
    @Serdeable
    record Providers(boolean oidc, @Nullable String oidcLogin) {
    }

    @Serdeable
    record LoggedIn(String token, String tokenType, int expiresIn, String username, List<String> roles,
                    List<String> municipalities) {
    }

    @Post(uri = "/api/v1/login", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "login", summary = "A bearer token for the API", description = """
            JSON `{"username": ..., "password": ...}`. The token is a JWT with the claims `sub`, `roles` and \
            `municipalities`; send it as `Authorization: Bearer <token>`. 5 wrong passwords in a row lock the \
            account for 15 minutes.""")
    @ApiResponse(responseCode = "200", description = "Logged in",
            content = @Content(schema = @Schema(implementation = LoggedIn.class)))
    @ApiResponse(responseCode = "401", description = "`login.failed`: wrong username or password",
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @ApiResponse(responseCode = "423", description = "`login.locked`: too many failures; the message says until when",
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @ApiResponse(responseCode = "429", description = "`login.rate_limited`: too many attempts in a minute",
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    HttpResponse<?> login(HttpRequest<?> request, @Body Credentials credentials) {
        return attempt(request, credentials, false);
    }

    @Post(uri = "/login/session", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "loginSession", summary = "Log the pages in: the token as an HttpOnly cookie",
            description = "As /api/v1/login, but the token is set as the cookie `JWT` (HttpOnly, SameSite=Strict) "
                    + "with a readable `CSRF-TOKEN` cookie whose value state-changing requests repeat in the "
                    + "`X-CSRF-Token` header.")
    HttpResponse<?> session(HttpRequest<?> request, @Body Credentials credentials) {
        return attempt(request, credentials, true);
    }

    @Get(uri = "/login/providers", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "loginProviders", summary = "Whether the municipal identity provider's login is offered",
            description = "The login page shows its button when `oidc` is true; `oidcLogin` is where it starts.")
    Providers providers() {
        return new Providers(oidc, oidc ? "/oauth/login/municipal" : null);
    }

    @Post(uri = "/logout", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "logout", summary = "Log the pages out: clears the cookies")
    HttpResponse<?> logout(HttpRequest<?> request) {
        return HttpResponse.noContent()
                .cookie(cookie(request, TOKEN_COOKIE, "", true).maxAge(0))
                .cookie(cookie(request, CsrfFilter.COOKIE, "", false).maxAge(0));
    }

    @Get(uri = "/api/v1/me", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "me", summary = "Who the token belongs to: name, roles, municipalities")
    Replies.Me me(@Parameter(hidden = true) Caller caller) {
        return Replies.Me.of(caller);
    }

    private HttpResponse<?> attempt(HttpRequest<?> request, @Nullable Credentials credentials, boolean cookie) {
        String username = credentials == null ? null : credentials.username();
        String password = credentials == null ? null : credentials.password();
        // One address may try several accounts (a shared office), but not many: 6 times the per-account limit.
        if (!throttle.allow("user:" + username) || !addressThrottle.allow(address(request))) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60")
                    .body(new Replies.Error("login.rate_limited", null, "too many login attempts; wait a minute"));
        }
        SignIn.Outcome outcome = signIn.attempt(username, password);
        if (outcome instanceof SignIn.Locked locked) {
            return HttpResponse.status(HttpStatus.LOCKED).body(new Replies.Error("login.locked", null,
                    "too many failed logins: the account is locked until " + locked.until()));
        }
        if (!(outcome instanceof SignIn.Granted granted)) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new Replies.Error("login.failed", null,
                    "wrong username or password"));
        }
        Person person = granted.person();
        String token = tokens.issue(person);
        LoggedIn body = new LoggedIn(cookie ? "" : token, "Bearer", tokens.validSeconds(), person.username(),
                person.roles().stream().map(Enum::name).sorted().toList(),
                person.municipalities().stream().sorted().toList());
        MutableHttpResponse<LoggedIn> response = HttpResponse.ok(body);
        if (cookie) {
            Duration valid = Duration.ofSeconds(tokens.validSeconds());
            response.cookie(cookie(request, TOKEN_COOKIE, token, true).maxAge(valid));
            response.cookie(cookie(request, CsrfFilter.COOKIE, PageLogin.randomToken(), false).maxAge(valid));
        }
        return response;
    }

    /** SameSite=Strict: the browser sends the cookies on this site's own requests only. */
    private static Cookie cookie(HttpRequest<?> request, String name, String value, boolean httpOnly) {
        return Cookie.of(name, value).path("/").httpOnly(httpOnly).sameSite(SameSite.Strict)
                .secure(request.isSecure());
    }

    /**
     * The address a login counts against: the caller's, or, when road-ai's login page asks with a service token, the
     * address it names for the person ({@link PageLogin#LOGIN_FOR_HEADER}); anyone else's header is ignored.
     */
    private static String address(HttpRequest<?> request) {
        String forwarded = request.getHeaders().get(PageLogin.LOGIN_FOR_HEADER);
        boolean fromService = request.getUserPrincipal(Authentication.class)
                .map(caller -> caller.getAttributes().containsKey(ServiceTokens.SERVICE)).orElse(false);
        if (fromService && forwarded != null && !forwarded.isBlank()) {
            return "forwarded:" + forwarded.trim();
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
