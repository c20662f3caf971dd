package org.roadpulse.roadai.service.access;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.roadpulse.platform.access.FreshAnswers;
import org.roadpulse.platform.web.PageLogin;
import org.roadpulse.roadai.service.access.Accounts.Standing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a token the account service (the ingest service) no longer accepts: the person's roles, municipalities or
 * password changed after it was issued, or the account was removed. road-ai checks signatures itself
 * ({@link TokenCheck}) but cannot see the accounts, so it asks {@link Accounts#standing} when it first sees a token,
 * and again in the background every {@link #FRESHNESS} ({@link FreshAnswers}): a withdrawn token stops working here
 * within seconds. A withdrawn answer is final.
 *
 * <p>When the account service cannot be asked the token is let through: it is signed and unexpired, and road-ai
 * keeps working while the ingest service restarts.
 */
@Singleton
final class WithdrawnTokens implements GenericJwtClaimsValidator<HttpRequest<?>> {

    static final Duration FRESHNESS = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(WithdrawnTokens.class);

    private final FreshAnswers<String, Standing> standings;

    WithdrawnTokens(Accounts accounts) {
        this.standings = new FreshAnswers<>(FRESHNESS, 10_000, accounts::standing, Standing.WITHDRAWN::equals);
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Optional<String> token = request == null ? Optional.empty() : token(request);
        if (token.isPresent() && standings.get(token.get()) == Standing.WITHDRAWN) {
            LOG.info("Refused a token of {}: the account service no longer accepts it", claims.get(Claims.SUBJECT));
            return false;
        }
        return true;
    }

    /** The token Micronaut read: a bearer header first, else the pages' cookie. */
    private static Optional<String> token(HttpRequest<?> request) {
        Optional<String> bearer = request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class)
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim());
        return bearer.isPresent() ? bearer
                : request.getCookies().findCookie(PageLogin.TOKEN_COOKIE).map(Cookie::getValue);
    }
}
