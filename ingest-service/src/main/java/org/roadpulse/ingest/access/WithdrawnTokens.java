package org.roadpulse.ingest.access;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a person's token issued before their access last changed (roles, municipalities, password) or ended
 * (account removed): a demoted or removed person loses access within {@link #FRESHNESS}, not when the token expires.
 * Micronaut asks this for every token whose signature and expiry are good; the answer per person is looked up in
 * {@code access_withdrawn} and kept for {@link #FRESHNESS}, so a busy person costs one query per few seconds.
 *
 * <p>The issue time is {@link Tokens#ISSUED_MILLIS}; a token without it (an OIDC login's) falls back to {@code iat},
 * in whole seconds, where one issued in the same second as the change, before it, still counts as after it. If the
 * database cannot be asked, the token is let through: it is signed and unexpired, and whatever
 * the request wants from the database fails on its own with a 503.
 */
@Singleton
final class WithdrawnTokens implements GenericJwtClaimsValidator<HttpRequest<?>> {

    static final Duration FRESHNESS = Duration.ofSeconds(2);
    private static final int MAX_REMEMBERED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(WithdrawnTokens.class);

    private record Looked(Optional<Instant> withdrawnAt, long atNanos) {
    }

    private final PgPeople people;
    private final Map<String, Looked> remembered = new ConcurrentHashMap<>();

    WithdrawnTokens(PgPeople people) {
        this.people = people;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        if (subject == null) {
            return true;
        }
        Optional<Instant> withdrawnAt;
        try {
            withdrawnAt = withdrawnAt(subject.toString());
        } catch (RuntimeException e) {
            LOG.warn("Cannot check whether {}'s access was withdrawn; letting the signed token through: {}", subject,
                    e.getMessage());
            return true;
        }
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

    private Optional<Instant> withdrawnAt(String username) {
        long now = System.nanoTime();
        Looked looked = remembered.get(username);
        if (looked == null || now - looked.atNanos() > FRESHNESS.toNanos()) {
            if (remembered.size() > MAX_REMEMBERED) {
                remembered.clear();
            }
            looked = new Looked(people.tokensWithdrawnAt(username), now);
            remembered.put(username, looked);
        }
        return looked.withdrawnAt();
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
