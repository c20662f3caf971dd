package org.roadpulse.ingest.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Argon2id hashes in PHC format: the right password matches, nothing else does. */
class PasswordHashingTest {

    private final PasswordHashing hashing = new PasswordHashing();

    @Test
    void theRightPasswordMatchesItsHash() {
        // GIVEN a stored hash
        String stored = hashing.hash("correct horse battery");

        // THEN it is an Argon2id PHC string with its parameters, and only the right password matches
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hashing.matches("correct horse battery", stored)).isTrue();
        assertThat(hashing.matches("correct horse batterY", stored)).isFalse();
        assertThat(hashing.matches("", stored)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        // WHEN one password is hashed twice
        String first = hashing.hash("same password here");
        String second = hashing.hash("same password here");

        // THEN the salts differ, so equal passwords cannot be spotted in the table, and both match
        assertThat(first).isNotEqualTo(second);
        assertThat(hashing.matches("same password here", first)).isTrue();
        assertThat(hashing.matches("same password here", second)).isTrue();
    }

    @Test
    void aStoredValueThatIsNoArgon2HashMatchesNothing() {
        assertThat(hashing.matches("x", "plaintext")).isFalse();
        assertThat(hashing.matches("x", "$argon2i$v=19$m=8,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hashing.matches("x", "$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hashing.matches("x", null)).isFalse();
    }
}
