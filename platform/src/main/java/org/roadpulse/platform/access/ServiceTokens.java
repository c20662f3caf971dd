package org.roadpulse.platform.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Short-lived bearer tokens one RoadPulse service signs for its calls to another, with the HMAC key the ingest service
 * signs people's tokens with (docs/security.md): the same JWT shape (HS256; {@code sub}, {@code roles},
 * {@code municipalities}, {@code exp}), so the receiving service checks them like any person's token and applies the
 * same roles and municipalities. The road-AI queue uses one to read the flow figures of the municipality it ranks.
 */
public final class ServiceTokens {

    public static final String ROLES = "roles";
    public static final String MUNICIPALITIES = "municipalities";
    /**
     * A claim only service tokens carry (the service's name): a person's token never has it, so a receiving service
     * can tell a call made by a service, whatever its {@code sub}.
     */
    public static final String SERVICE = "service";
    /** HS256 wants a key of at least 256 bits. */
    public static final int MIN_KEY_LENGTH = 32;

    private final MACSigner signer;
    private final String service;
    private final Duration validity;
    private final Clock clock;

    /**
     * @param key      the shared key as text (its UTF-8 bytes sign), at least {@value #MIN_KEY_LENGTH} characters
     * @param service  the {@code sub} of the tokens, e.g. {@code road-ai}
     * @param validity how long a token holds; short, as each call can have a fresh one
     */
    public ServiceTokens(String key, String service, Duration validity, Clock clock) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the token key must have at least " + MIN_KEY_LENGTH + " characters");
        }
        try {
            this.signer = new MACSigner(key.getBytes(StandardCharsets.UTF_8));
        } catch (KeyLengthException e) {
            throw new IllegalArgumentException("the token key is too short for HS256", e);
        }
        this.service = service;
        this.validity = validity;
        this.clock = clock;
    }

    /** A token for these roles in these municipalities (AGS). */
    public String issue(Collection<String> roles, Collection<String> municipalities) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(service)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)))
                .claim(ROLES, List.copyOf(new TreeSet<>(roles)))
                .claim(MUNICIPALITIES, List.copyOf(new TreeSet<>(municipalities)))
                .claim(SERVICE, service)
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("the service token could not be signed", e);
        }
        return token.serialize();
    }

    /**
     * The shared key: the configured value, else the content of the file the ingest service keeps it in
     * ({@code <its data folder>/token-secret}); empty when neither is given, or the file is not there.
     */
    public static Optional<String> key(String configured, String file) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured.strip());
        }
        if (file == null || file.isBlank() || !Files.exists(Path.of(file))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(Path.of(file), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token key from " + file, e);
        }
    }
}
