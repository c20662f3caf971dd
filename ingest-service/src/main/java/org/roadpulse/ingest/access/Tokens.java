package org.roadpulse.ingest.access;

import org.roadpulse.platform.access.Role;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import org.roadpulse.ingest.IngestSettings;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bearer tokens people use: a JWT (HS256, {@link TokenKey}) with the claims {@code sub} (username),
 * {@code roles} (names of {@link Role}) and {@value #MUNICIPALITIES} (AGS list), valid for
 * {@code roadpulse.security.token-minutes}. Another service holding the same key reads the same claims (docs/security.md).
 */
@Singleton
public final class Tokens {

    public static final String MUNICIPALITIES = "municipalities";
    /**
     * When the token was issued, in epoch milliseconds: {@code iat} has whole seconds, too coarse to tell a token
     * issued just before a change of the person's access from one issued just after it ({@link WithdrawnTokens}).
     */
    public static final String ISSUED_MILLIS = "iat_ms";

    private final TokenGenerator generator;
    private final IngestSettings.Security settings;
    private final Clock clock = Clock.systemUTC();

    public Tokens(TokenGenerator generator, IngestSettings.Security settings) {
        this.generator = generator;
        this.settings = settings;
    }

    public String issue(Person person) {
        Authentication authentication = Authentication.build(person.username(),
                person.roles().stream().map(Role::name).sorted().toList(),
                Map.of(MUNICIPALITIES, List.copyOf(new TreeSet<>(person.municipalities())),
                        ISSUED_MILLIS, clock.millis()));
        return generator.generateToken(authentication, validSeconds())
                .orElseThrow(() -> new IllegalStateException("no token could be signed"));
    }

    public int validSeconds() {
        return settings.tokenMinutes() * 60;
    }

    /** The caller a verified token describes; unknown role names are ignored. */
    public static Caller caller(Authentication authentication) {
        Set<Role> roles = new TreeSet<>();
        for (String name : authentication.getRoles()) {
            Role.named(name).ifPresent(roles::add);
        }
        Set<String> municipalities = new TreeSet<>();
        Object claim = authentication.getAttributes().get(MUNICIPALITIES);
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> municipalities.add(String.valueOf(value)));
        }
        Visibility visibility = roles.contains(Role.OPERATOR) ? Visibility.everything()
                : Visibility.of(municipalities);
        return new Caller(authentication.getName(), roles, visibility);
    }

    public static Optional<Caller> caller(Optional<Authentication> authentication) {
        return authentication.map(Tokens::caller);
    }
}
