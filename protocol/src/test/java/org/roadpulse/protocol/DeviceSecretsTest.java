package org.roadpulse.protocol;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the credentials derived from a device secret. The expected values were computed with OpenSSL
 * ({@code openssl dgst -sha256} and {@code -mac HMAC}), independently of this code, and appear in SPEC.md.
 */
class DeviceSecretsTest {

    private static final String SECRET = "Xq7oB2mY0bP9kF4tR1sV6wL3zN8cH5jD2aE0gU7iK4Q";
    private static final String SECRET_HASH = "bd0639d5c0fdbd982e9fd3766dbba6b51243a847a396bffb1f4b947b09dc47b2";
    private static final String PRE_SHARED_KEY = "6298bba12d2e8b795a5eba8098fb97a50d1580f10b8ad613f277f3ac2137f98b";

    @Test
    void hashIsHexSha256OfTheSecret() {
        assertThat(DeviceSecrets.hash(SECRET)).isEqualTo(SECRET_HASH);
    }

    @Test
    void preSharedKeyIsHmacSha256OfTheLabelKeyedWithTheSecret() {
        assertThat(HexFormat.of().formatHex(DeviceSecrets.preSharedKey(SECRET))).isEqualTo(PRE_SHARED_KEY);
    }

    @Test
    void preSharedKeyIsStableAndDiffersPerSecret() {
        // GIVEN two secrets
        String other = DeviceSecrets.generate();

        // WHEN their keys are derived twice
        // THEN the same secret always gives the same 32 bytes, another secret other bytes
        assertThat(DeviceSecrets.preSharedKey(SECRET)).isEqualTo(DeviceSecrets.preSharedKey(SECRET)).hasSize(32);
        assertThat(DeviceSecrets.preSharedKey(other)).isNotEqualTo(DeviceSecrets.preSharedKey(SECRET));
    }

    @Test
    void matchesOnlyTheSecretItsHashCameFrom() {
        assertThat(DeviceSecrets.matches(SECRET, SECRET_HASH)).isTrue();
        assertThat(DeviceSecrets.matches(SECRET + "x", SECRET_HASH)).isFalse();
        assertThat(DeviceSecrets.matches("", SECRET_HASH)).isFalse();
        assertThat(DeviceSecrets.matches(SECRET, SECRET_HASH.substring(1))).isFalse();
    }

    @Test
    void generatesFresh256BitSecretsInBase64Url() {
        // WHEN two secrets are generated
        String first = DeviceSecrets.generate();
        String second = DeviceSecrets.generate();

        // THEN each is 43 URL-safe characters holding 32 bytes, and they differ
        assertThat(first).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(first)).hasSize(32);
        assertThat(first).isNotEqualTo(second);
    }
}
