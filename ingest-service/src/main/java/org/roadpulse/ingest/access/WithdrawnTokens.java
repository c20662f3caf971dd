package org.roadpulse.ingest.access;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.roadpulse.platform.access.FreshAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;

/**
 * Refuses a person's token issued before their access last changed (roles, municipalities, password) or ended
 * (account removed): a demoted or removed person loses access within seconds, not when the token expires. Micronaut
 * asks this for every token whose signature is good. When each person's access last changed is looked up in
 * {@code access_withdrawn} the first time they are seen, then refreshed in the background every {@link #FRESHNESS}
 * ({@link FreshAnswers}): requests do not wait on the database, and one that cannot be reached holds up nobody.
 *
 * <p>The issue time is {@link Tokens#ISSUED_MILLIS}; a token without it (an OIDC login's) falls back to {@code iat},
 * in whole seconds, where one issued in the same second as the change, before it, still counts as after it. If the
 * database cannot be asked, the token is let through: it is signed and unexpired, and whatever the request wants from
 * the database fails on its own with a 503.
 */
@Singleton
final class WithdrawnTokens implements GenericJwtClaimsValidator<HttpRequest<?>> {

    static final Duration FRESHNESS = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(WithdrawnTokens.class);

    private final FreshAnswers<String, Optional<Instant>> withdrawals;

    WithdrawnTokens(PgPeople people) {
        this.withdrawals = new FreshAnswers<>(FRESHNESS, 10_000, username -> {
            try {
                return people.tokensWithdrawnAt(username);
            } catch (RuntimeException e) {
                LOG.warn("Cannot check whether {}'s access was withdrawn; letting signed tokens through: {}",
                        username, e.getMessage());
                return Optional.empty();
            }
        }, withdrawn -> false);
        // A change made through this instance counts at once here; other instances see it at their next refresh.
        people.onAccessChanged(withdrawals::forget);
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        Optional<Instant> withdrawnAt = subject == null ? Optional.empty() : withdrawals.get(subject.toString());
        if (withdrawnAt.isEmpty()) {
            return true;
        }
        Object millis = claims.get(Tokens.ISSUED_MILLIS);
        if (millis instanceof Number issued) {
            return !Instant.ofEpochMilli(issued.longValue()).isBefore(withdrawnAt.get());
        }
        Instant issued = issuedAt(claims.get(Claims.ISSUED_AT));
        return issued != null && !issued.isBefore(withdrawnAt.get().truncatedTo(ChronoUnit.SECONDS));
    }

    private static Instant issuedAt(Object claim) {
        if (claim instanceof Date date) {
            return date.toInstant();
        }
        if (claim instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        if (claim instanceof Instant instant) {
            return instant;
        }
        return null;
    }
}
