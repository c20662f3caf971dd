package org.roadpulse.ingest.intake;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.roadpulse.ingest.testing.TestPipeline;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.CountIntervalCodec;
import org.roadpulse.protocol.Verdict;
import org.roadpulse.protocol.testing.TestVectors;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that every test vector of the contract (firmware-specs/v1/vectors) gets its expected verdict through the
 * whole intake, not just the codec: accepted vectors are stored, rejected ones refused with the expected reason and
 * field.
 */
class FirmwareVectorsThroughPipelineTest {

    private static final String SENDER = "vector-sender";
    private static TestPipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = new TestPipeline(TestVectors.clock(), 5);
        pipeline.register(SENDER);
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    @TestFactory
    Stream<DynamicTest> everyVectorGetsItsExpectedVerdict() {
        return TestVectors.all().stream().map(vector -> DynamicTest.dynamicTest(vector.name(), () -> {
            // GIVEN the sender is registered: the vector's own device when it is valid, else some registered device
            String sender = SENDER;
            Verdict<CountInterval> decoded = new CountIntervalCodec(TestVectors.clock())
                    .decode(vector.bytes(), vector.encoding());
            if (vector.accepted() && decoded.isAccepted()) {
                sender = decoded.value().deviceId();
                pipeline.register(sender);
            }

            // WHEN it goes through the intake
            IntakeResult result = pipeline.send(sender, vector.bytes(), vector.encoding());

            // THEN it gets the expected verdict
            if (vector.accepted()) {
                assertThat(result).isInstanceOf(IntakeResult.Stored.class);
            } else {
                assertThat(result).isInstanceOf(IntakeResult.Rejected.class);
                IntakeResult.Rejected rejected = (IntakeResult.Rejected) result;
                assertThat(rejected.rejection().reason()).isEqualTo(vector.reason());
                assertThat(rejected.rejection().field()).isEqualTo(vector.field());
            }
        }));
    }
}
