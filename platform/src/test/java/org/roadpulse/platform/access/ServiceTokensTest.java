package org.roadpulse.platform.access;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceTokensTest {

    private static final String KEY = "a-shared-key-of-at-least-32-characters";
    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aTokenCarriesTheServiceItsRolesAndMunicipalitiesAndIsSignedWithTheSharedKey() throws Exception {
        // GIVEN the road-AI service's tokens, valid five minutes
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ServiceTokens tokens = new ServiceTokens(KEY, "road-ai", Duration.ofMinutes(5), clock);

        // WHEN it asks for a planner's token for Tholey
        SignedJWT token = SignedJWT.parse(tokens.issue(Set.of("PLANNER"), Set.of("10046118")));

        // THEN the key verifies it and the claims say who, what, where and until when
        assertThat(token.verify(new MACVerifier(KEY.getBytes(StandardCharsets.UTF_8)))).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("road-ai");
        assertThat(claims.getStringListClaim("roles")).isEqualTo(List.of("PLANNER"));
        assertThat(claims.getStringListClaim("municipalities")).isEqualTo(List.of("10046118"));
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(300));
        // AND another key does not
        byte[] anotherKey = "another-key-of-at-least-32-characters!".getBytes(StandardCharsets.UTF_8);
        assertThat(token.verify(new MACVerifier(anotherKey))).isFalse();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new ServiceTokens("short", "road-ai", Duration.ofMinutes(5), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 characters");
    }

    @Test
    void theKeyIsTheConfiguredValueOrElseTheIngestServicesFile() throws Exception {
        Path file = dir.resolve("token-secret");
        Files.writeString(file, KEY + "\n");

        assertThat(ServiceTokens.key("configured-key-of-at-least-32-characters", file.toString()))
                .contains("configured-key-of-at-least-32-characters");
        assertThat(ServiceTokens.key("", file.toString())).contains(KEY);
        assertThat(ServiceTokens.key("", "")).isEmpty();
        assertThat(ServiceTokens.key("", dir.resolve("not-written-yet").toString())).isEmpty();
    }
}
