package org.roadpulse.roadai.service.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.roadpulse.platform.access.ServiceTokens;

/**
 * The ingest service's token key, which road-ai checks people's tokens and signs its own lookups with: the configured
 * value, or the file the ingest service keeps it in. A file not there yet (road-ai started first) is looked for again
 * at most every {@link #RETRY} until it appears, so no restart is needed; once found it is kept.
 */
public final class SharedKey {

    static final Duration RETRY = Duration.ofSeconds(5);

    private final String configured;
    private final String file;
    private final Clock clock;
    private volatile String key;
    private volatile Instant lastLook = Instant.MIN;

    public SharedKey(String configured, String file, Clock clock) {
        this.configured = configured;
        this.file = file;
        this.clock = clock;
    }

    public Optional<String> current() {
        String known = key;
        if (known != null) {
            return Optional.of(known);
        }
        Instant now = clock.instant();
        if (now.isBefore(lastLook.plus(RETRY))) {
            return Optional.empty();
        }
        lastLook = now;
        Optional<String> found = ServiceTokens.key(configured, file)
                .filter(value -> value.length() >= ServiceTokens.MIN_KEY_LENGTH);
        found.ifPresent(value -> key = value);
        return found;
    }

    /** Where the key is expected, for messages: "roadai.access.token-secret" or the file. */
    public String describe() {
        return configured != null && !configured.isBlank() ? "roadai.access.token-secret"
                : file == null || file.isBlank() ? "no key configured (roadai.access.token-secret or token-secret-file)"
                : file;
    }
}
