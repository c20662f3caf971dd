package org.roadpulse.ingest.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

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

        /** Made owner-only before the secret goes in, so that others can never read it, not even briefly. */
        static void writeOwnerOnly(Path file, String content) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
                if (Files.exists(file)) {
                    Files.setPosixFilePermissions(file, ownerOnly);
                } else {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
                }
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the folder's own permissions have to do.
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
    }
}
