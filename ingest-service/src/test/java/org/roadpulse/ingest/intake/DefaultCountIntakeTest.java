package org.roadpulse.ingest.intake;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.testing.TestIntervals;
import org.roadpulse.ingest.testing.TestPipeline;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.Limits;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.Rejection;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadpulse.ingest.testing.TestIntervals.NOW;
import static org.roadpulse.ingest.testing.TestIntervals.json;
import static org.roadpulse.ingest.testing.TestIntervals.recent;
import static org.roadpulse.ingest.testing.TestIntervals.utf8;

/** The checks every transport shares, and what becomes of a refused payload. */
class DefaultCountIntakeTest {

    private static final String SENDER = "nalbach-test-1";
    private static final String OTHER = "nalbach-test-2";
    private static TestPipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = new TestPipeline(Clock.fixed(NOW, ZoneOffset.UTC), 200);
        pipeline.register(SENDER);
        pipeline.register(OTHER);
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    @Test
    void validPayloadIsStoredAndCounted() {
        // GIVEN a valid interval of a registered device
        byte[] payload = json(recent(SENDER, 1, NOW));

        // WHEN it is submitted by that device
        IntakeResult result = pipeline.send(SENDER, payload, Encoding.JSON);

        // THEN it is stored and counted as received and stored
        assertThat(result).isEqualTo(new IntakeResult.Stored(SENDER, 1, false));
        assertThat(counter("roadpulse.intake.stored", "mqtt")).isGreaterThanOrEqualTo(1);
        assertThat(counter("roadpulse.intake.received", "mqtt")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void cborPayloadIsStoredLikeJson() {
        // GIVEN the CBOR encoding of a valid interval
        byte[] payload = TestIntervals.cbor(recent(SENDER, 2, NOW));

        // WHEN it is submitted
        IntakeResult result = pipeline.send(SENDER, payload, Encoding.CBOR);

        // THEN it is stored
        assertThat(result).isEqualTo(new IntakeResult.Stored(SENDER, 2, false));
    }

    @Test
    void rejectedPayloadIsKeptAsDeadLetterWithReasonAndRawBytes() {
        // GIVEN a payload with a negative count
        String text = new String(json(recent(SENDER, 3, NOW))).replace("\"Pkw\":41", "\"Pkw\":-41");
        byte[] payload = utf8(text);

        // WHEN it is submitted
        IntakeResult result = pipeline.send(SENDER, payload, Encoding.JSON);

        // THEN it is refused with the reason and field, and kept byte for byte
        assertThat(result).isEqualTo(new IntakeResult.Rejected(Rejection.of(Reasons.COUNT_NEGATIVE,
                "lanes[0].counts.Pkw", ((IntakeResult.Rejected) result).rejection().message())));
        TestPipeline.eventually(() -> pipeline.db.number(
                "SELECT count(*) FROM dead_letter WHERE reason = 'count.negative'") == 1);
        List<Object> letter = pipeline.db.rows("SELECT transport, claimed_device, field, payload FROM dead_letter"
                + " WHERE reason = 'count.negative'").get(0);
        assertThat(letter.subList(0, 3)).containsExactly("MQTT", SENDER, "lanes[0].counts.Pkw");
        assertThat((byte[]) letter.get(3)).isEqualTo(payload);
        assertThat(pipeline.meters.get("roadpulse.intake.rejected").tag("reason", "count.negative")
                .tag("transport", "mqtt").counter().count()).isEqualTo(1);
    }

    @Test
    void badPayloadDoesNotHoldBackTheGoodOnesAroundIt() {
        // GIVEN good and bad payloads arriving within one batch window
        CompletableFuture<IntakeResult> good1 = pipeline.submit(SENDER, json(recent(SENDER, 10, NOW)), Encoding.JSON);
        CompletableFuture<IntakeResult> bad = pipeline.submit(SENDER, utf8("{\"v\":1,"), Encoding.JSON);
        CompletableFuture<IntakeResult> good2 = pipeline.submit(SENDER, json(recent(SENDER, 11, NOW)), Encoding.JSON);

        // WHEN the batch is written
        List<IntakeResult> results = List.of(good1.join(), bad.join(), good2.join());

        // THEN the bad one was answered at once and the good ones are stored
        assertThat(results.get(1)).isInstanceOf(IntakeResult.Rejected.class);
        assertThat(((IntakeResult.Rejected) results.get(1)).rejection().reason()).isEqualTo(Reasons.PAYLOAD_MALFORMED);
        assertThat(results.get(0)).isEqualTo(new IntakeResult.Stored(SENDER, 10, false));
        assertThat(results.get(2)).isEqualTo(new IntakeResult.Stored(SENDER, 11, false));
    }

    @Test
    void payloadNamingAnotherDeviceIsRefusedAsMismatch() {
        // GIVEN a valid payload of device OTHER
        CountInterval interval = recent(OTHER, 20, NOW);

        // WHEN SENDER submits it
        IntakeResult result = pipeline.send(SENDER, json(interval), Encoding.JSON);

        // THEN it is refused, and nothing is stored for OTHER
        assertThat(reason(result)).isEqualTo(Reasons.DEVICE_MISMATCH);
        assertThat(pipeline.db.number("SELECT count(*) FROM count_message WHERE device_id = ?", OTHER)).isZero();
    }

    @Test
    void unregisteredSenderIsRefusedAsUnknown() {
        // GIVEN a device nobody registered
        String stranger = "stranger-1";

        // WHEN it submits a valid payload of its own
        IntakeResult result = pipeline.send(stranger, json(recent(stranger, 1, NOW)), Encoding.JSON);

        // THEN it is refused as unknown and kept as a dead letter
        assertThat(reason(result)).isEqualTo(Reasons.DEVICE_UNKNOWN);
        TestPipeline.eventually(() -> pipeline.db.number(
                "SELECT count(*) FROM dead_letter WHERE claimed_device = 'stranger-1'") == 1);
    }

    @Test
    void oversizedPayloadIsRefusedBeforeParsing() {
        // GIVEN a payload above the limit that is not even JSON
        byte[] payload = new byte[Limits.MAX_PAYLOAD_BYTES + 1];
        Arrays.fill(payload, (byte) 'x');

        // WHEN it is submitted
        IntakeResult result = pipeline.send(SENDER, payload, Encoding.JSON);

        // THEN the reason is its size, not its syntax: it was never parsed
        assertThat(reason(result)).isEqualTo(Reasons.PAYLOAD_TOO_LARGE);
    }

    @Test
    void payloadOfAnUnknownContentTypeIsRefused() {
        // GIVEN a transport that could not map the content type to an encoding
        byte[] payload = json(recent(SENDER, 30, NOW));

        // WHEN it is submitted without an encoding
        IntakeResult result = pipeline.send(SENDER, payload, null);

        // THEN it is refused as unsupported
        assertThat(reason(result)).isEqualTo(Reasons.ENCODING_UNSUPPORTED);
    }

    private static String reason(IntakeResult result) {
        assertThat(result).isInstanceOf(IntakeResult.Rejected.class);
        return ((IntakeResult.Rejected) result).rejection().reason();
    }

    private static double counter(String name, String transport) {
        return pipeline.meters.get(name).tag("transport", transport).counter().count();
    }
}
