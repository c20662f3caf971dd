package org.roadpulse.platform.access.testing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.roadpulse.platform.access.ServiceTokens;

/** Tokens an attacker could make, for the services' security tests: each claims to be an operator's. */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /** A well-formed HS256 JWT signed with a key the services do not have. */
    public static String signedWithAnotherKey() {
        return new ServiceTokens("another key of at least thirty-two characters!", "mallory", Duration.ofHours(1),
                Clock.systemUTC()).issue(List.of("OPERATOR"), List.of());
    }

    /** A plain JWT ({@code "alg": "none"}, no signature): anyone can write one. */
    public static String unsigned() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("{\"sub\":\"mallory\",\"roles\":[\"OPERATOR\"],\"exp\":4102444800}"
                .getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
