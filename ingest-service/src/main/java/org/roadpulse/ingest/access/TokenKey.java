package org.roadpulse.ingest.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HMAC key behind the tokens: the configured one, or one generated on first start and kept in the data folder, so
 * tokens stay valid across restarts and another service (road-ai) can be given the same file or value.
 */
public final class TokenKey {

    public static final String FILE = "token-secret";
    public static final int MIN_LENGTH = 32;

    private TokenKey() {
    }

    public static String resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < MIN_LENGTH) {
                throw new IllegalStateException("roadpulse.security.token-secret must have at least " + MIN_LENGTH
                        + " characters (HS256 needs 256 bits)");
            }
            return configured;
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Secrets.writeOwnerOnly(file, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the token key in " + file, e);
        }
    }

    /** Files only the service's user may read. */
    static final class Secrets {

        private Secrets() {
        }

        static void writeOwnerOnly(Path file, String content) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the folder's own permissions have to do.
            }
        }
    }
}
