package org.roadpulse.ingest.broker;

import org.roadpulse.protocol.DeviceSecrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The ingest service's own broker account: it reads every device's counts and status through the shared
 * subscriptions and writes every device's configuration. Its client ids are {@code <username>-<suffix>}.
 */
public record ServiceAccount(String username, String password) {

    /** An account of this username with a fresh random password, for a broker that lives as long as this process. */
    public static ServiceAccount withGeneratedPassword(String username) {
        return new ServiceAccount(username, DeviceSecrets.generate());
    }

    public boolean isNamed(String candidateUsername) {
        return username.equals(candidateUsername);
    }

    /** Compares in constant time, so that the password cannot be guessed byte by byte from response times. */
    public boolean passwordMatches(byte[] candidate) {
        return MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), candidate);
    }

    /** Whether a client id belongs to this account's clients (a device must not take over their sessions). */
    public boolean ownsClientId(String clientId) {
        return clientId.equals(username) || clientId.startsWith(username + "-");
    }
}
