package org.roadpulse.ingest.storage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.intake.DeadLetter;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPipeline;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.Rejection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that a refused payload is kept whatever it holds, and that one the database refuses blocks no other. */
class PgDeadLetterStoreTest {

    private TestDatabase db;
    private SimpleMeterRegistry meters;
    private PgDeadLetterStore store;

    @BeforeEach
    void start() {
        db = TestPostgres.freshDatabase();
        meters = new SimpleMeterRegistry();
        store = new PgDeadLetterStore(db.dataSource(), meters);
    }

    @AfterEach
    void stop() {
        store.close();
        db.close();
    }

    @Test
    void aRejectionQuotingANulCharacterIsKeptWithTheCharacterReplaced() {
        // GIVEN a rejection whose field and message quote a class name with U+0000, as a fuzzer sends it
        Rejection rejection = Rejection.of(Reasons.CLASS_UNKNOWN, "lanes[0].counts.P\0kw", "unknown class 'P\0kw'");

        // WHEN it is kept
        store.keep(letter("fuzz-1", rejection, "{\"P\\u0000kw\":1}"));

        // THEN it is in the database, NUL shown as U+FFFD, the payload byte for byte
        TestPipeline.eventually(() -> count("fuzz-1") == 1);
        assertThat(db.value("SELECT field FROM dead_letter WHERE claimed_device = 'fuzz-1'"))
                .isEqualTo("lanes[0].counts.P\uFFFDkw");
        assertThat((byte[]) db.value("SELECT payload FROM dead_letter WHERE claimed_device = 'fuzz-1'"))
                .isEqualTo("{\"P\\u0000kw\":1}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLetterTheDatabaseRefusesIsDroppedAloneAndCounted() {
        // GIVEN a database that refuses one device's letters for their content
        db.execute("ALTER TABLE dead_letter ADD CONSTRAINT no_poison CHECK (claimed_device <> 'poison')");

        // WHEN that device's letter arrives between two others
        store.keep(letter("before", Rejection.of(Reasons.PAYLOAD_MALFORMED, null, "not JSON"), "{"));
        store.keep(letter("poison", Rejection.of(Reasons.PAYLOAD_MALFORMED, null, "not JSON"), "{"));
        store.keep(letter("after", Rejection.of(Reasons.PAYLOAD_MALFORMED, null, "not JSON"), "{"));

        // THEN the other two are kept, and the refused one is counted as dropped instead of retried for ever
        TestPipeline.eventually(() -> count("before") == 1 && count("after") == 1);
        assertThat(count("poison")).isZero();
        TestPipeline.eventually(() -> meters.counter("roadpulse.intake.dead_letters.dropped").count() == 1);
    }

    private long count(String device) {
        return db.number("SELECT count(*) FROM dead_letter WHERE claimed_device = ?", device);
    }

    private static DeadLetter letter(String device, Rejection rejection, String payload) {
        return new DeadLetter(Instant.now(), Transport.HTTP, device, rejection,
                payload.getBytes(StandardCharsets.UTF_8));
    }
}
