package org.roadpulse.roadai.service.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedKeyTest {

    private static final String KEY = "a key of at least thirty-two characters, as HS256 wants";

    @TempDir
    Path dir;

    @Test
    void aKeyFileWrittenAfterTheStartIsFoundOnceTheRetryPauseIsOver() throws IOException {
        // GIVEN road-ai started before the ingest service wrote its key file
        Path file = dir.resolve("token-secret");
        MutableClock clock = new MutableClock();
        SharedKey key = new SharedKey("", file.toString(), clock);
        assertThat(key.current()).isEmpty();

        // WHEN the file appears
        Files.writeString(file, KEY + "\n");

        // THEN it is not read again at once, but after the pause, and then kept even if the file goes
        assertThat(key.current()).isEmpty();
        clock.now = clock.now.plus(SharedKey.RETRY);
        assertThat(key.current()).contains(KEY);
        Files.delete(file);
        assertThat(key.current()).contains(KEY);
    }

    @Test
    void aConfiguredKeyWinsAndATooShortOneCountsAsNone() {
        assertThat(new SharedKey(KEY, dir.resolve("absent").toString(), Clock.systemUTC()).current()).contains(KEY);
        assertThat(new SharedKey("short", "", Clock.systemUTC()).current()).isEmpty();
        assertThat(new SharedKey("", "", Clock.systemUTC()).describe()).contains("no key configured");
    }

    /** A clock a test moves by hand. */
    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
