package org.roadpulse.protocol;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How a device's one secret becomes its credentials on each transport, so that agent and service derive them alike.
 *
 * <ul>
 *   <li>MQTT password and HTTP bearer token: the secret itself. The platform keeps only {@link #hash} — SHA-256 is
 *       enough because secrets are 256 random bits, not human passwords (no dictionary to try).</li>
 *   <li>CoAP DTLS-PSK: identity = device id, key = {@link #preSharedKey}. PSK needs key material on the server, so
 *       the platform keeps this derived key, never the secret; a leaked key does not open MQTT or HTTP.</li>
 * </ul>
 */
public final class DeviceSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceSecrets() {
    }

    /** A fresh secret: 32 random bytes, base64url without padding (43 characters). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Hex SHA-256 of the secret: what the device registry stores and compares. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The DTLS pre-shared key: HMAC-SHA256 keyed with the secret over a fixed label, 32 bytes. */
    public static byte[] preSharedKey(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal("roadpulse/v1/dtls-psk".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** Compares two hashes in constant time. */
    public static boolean matches(String secret, String expectedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
