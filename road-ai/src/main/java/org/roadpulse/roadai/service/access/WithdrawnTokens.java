package org.roadpulse.roadai.service.access;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.roadpulse.platform.web.PageLogin;
import org.roadpulse.roadai.service.access.Accounts.Standing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a token the account service (the ingest service) no longer accepts: the person's roles, municipalities or
 * password changed after it was issued, or the account was removed. road-ai checks signatures itself
 * ({@link TokenCheck}) but cannot see the accounts, so it asks {@link Accounts#standing} once per token when first
 * seen, and again in the background when the answer is older than {@value #FRESH_SECONDS} s: a withdrawn token stops
 * working here within seconds. A withdrawn answer is final.
 *
 * <p>When the account service cannot be asked the token is let through: it is signed and unexpired, and road-ai
 * keeps working while the ingest service restarts.
 */
@Singleton
final class WithdrawnTokens implements GenericJwtClaimsValidator<HttpRequest<?>> {

    static final long FRESH_SECONDS = 5;
    private static final int MAX_REMEMBERED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(WithdrawnTokens.class);

    private record Answer(Standing standing, long atNanos) {
        boolean stale() {
            return standing != Standing.WITHDRAWN && System.nanoTime() - atNanos > FRESH_SECONDS * 1_000_000_000L;
        }
    }

    private final Accounts accounts;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> asking = new ConcurrentHashMap<>();

    WithdrawnTokens(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Optional<String> token = request == null ? Optional.empty() : token(request);
        if (token.isEmpty()) {
            return true;
        }
        Answer answer = answers.get(token.get());
        if (answer == null) {
            answer = ask(token.get());
        } else if (answer.stale() && asking.putIfAbsent(token.get(), Boolean.TRUE) == null) {
            CompletableFuture.runAsync(() -> {
                try {
                    ask(token.get());
                } finally {
                    asking.remove(token.get());
                }
            });
        }
        if (answer.standing() == Standing.WITHDRAWN) {
            LOG.info("Refused a token of {}: the account service no longer accepts it", claims.get(Claims.SUBJECT));
            return false;
        }
        return true;
    }

    private Answer ask(String token) {
        if (answers.size() > MAX_REMEMBERED) {
            answers.clear();
        }
        Answer answer = new Answer(accounts.standing(token), System.nanoTime());
        answers.put(token, answer);
        return answer;
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
