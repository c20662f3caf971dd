package org.roadpulse.ingest.broker;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import org.roadpulse.ingest.intake.CountIntake;
import org.roadpulse.ingest.intake.InboundCounts;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.Topics;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;

/**
 * The embedded broker's direct path into the intake: a device's count PUBLISH on its own counts topic goes straight to
 * the {@link CountIntake}, and the broker sends the device its PUBACK only when the intake has answered — after the
 * commit. The message is not routed on to the shared subscription: it has been handled.
 *
 * <p>Why: HiveMQ CE's shared-subscription delivery tops out at about 850 messages/s on two cores (docs/benchmarks.md),
 * far below what the writer takes; and here a device's PUBACK means "stored", as CoAP's 2.04 and HTTP's 200 do.
 * With an external broker (several service instances) the shared subscription remains the way in (MqttIntake).
 *
 * <p>Replies: stored, duplicate and rejected are acknowledged (a rejected payload must not come back forever; it is
 * counted and kept as a dead letter); unavailable is refused with an error code — an MQTT 5 device sees it in its
 * PUBACK, an MQTT 3.1.1 device is disconnected — and the device sends the interval again from its outbox. So is a
 * message over the device's rate limit (PUBACK "quota exceeded", {@code rate.exceeded}): nothing is lost, the
 * device is only slowed down.
 */
final class CountsInterceptor implements PublishInboundInterceptor {

    /** Longer than the writer ever takes; past it the device is told to retry. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final CountIntake intake;

    CountsInterceptor(CountIntake intake) {
        this.intake = intake;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        PublishPacket publish = input.getPublishPacket();
        String device = input.getClientInformation().getClientId(); // = the authenticated device (DeviceAuthenticator)
        if (!publish.getTopic().equals(Topics.counts(device))) {
            return; // status, configuration, or not a device: routed as usual, the authorizer has decided
        }
        byte[] payload = publish.getPayload().map(CountsInterceptor::bytes).orElse(new byte[0]);
        Encoding encoding = publish.getContentType().flatMap(Encoding::fromMediaType)
                .orElseGet(() -> Encoding.sniff(payload));
        Async<PublishInboundOutput> answer = output.async(ANSWER_TIMEOUT, TimeoutFallback.FAILURE,
                AckReasonCode.UNSPECIFIED_ERROR);
        intake.submit(new InboundCounts(Transport.MQTT, device, payload, encoding, Instant.now()))
                .whenComplete((result, failure) -> {
                    if (result instanceof IntakeResult.Throttled) {
                        answer.getOutput().preventPublishDelivery(AckReasonCode.QUOTA_EXCEEDED,
                                Reasons.RATE_EXCEEDED + ": send it again later");
                    } else if (failure == null && !(result instanceof IntakeResult.Unavailable)) {
                        answer.getOutput().preventPublishDelivery(AckReasonCode.SUCCESS);
                    } else {
                        answer.getOutput().preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR,
                                "not stored now; send it again");
                    }
                    answer.resume();
                });
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
