package org.roadpulse.ingest.mqtt;

import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.intake.CountIntake;
import org.roadpulse.ingest.intake.InboundCounts;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.StatusCodec;
import org.roadpulse.protocol.StatusReport;
import org.roadpulse.protocol.Topics;
import org.roadpulse.protocol.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands each message of the shared subscriptions to where it belongs — counts to the {@link CountIntake}, status
 * reports to the {@link DeviceRegistry} — and tells when and whether to acknowledge it. Never blocks the caller:
 * the registry is called on its own executor, and the intake answers with a future.
 *
 * <p>The device is the topic's: the broker lets a device publish only below its own topic.
 */
final class InboundRouter {

    private static final Logger LOG = LoggerFactory.getLogger(InboundRouter.class);
    /** An intake answer that takes longer is treated as "unavailable": the message comes again. */
    static final Duration INTAKE_TIMEOUT = Duration.ofSeconds(60);

    private final CountIntake intake;
    private final DeviceRegistry devices;
    private final Executor registryWork;
    private final Clock clock;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong statusReports = new AtomicLong();

    InboundRouter(CountIntake intake, DeviceRegistry devices, Executor registryWork, Clock clock) {
        this.intake = intake;
        this.devices = devices;
        this.registryWork = registryWork;
        this.clock = clock;
    }

    CompletableFuture<Settlement> route(String topic, MqttMessage message) {
        Optional<String> device = Topics.deviceOf(topic);
        if (device.isEmpty()) {
            LOG.warn("Dropping a message on unexpected topic {}", topic);
            return CompletableFuture.completedFuture(Settlement.ACKNOWLEDGE);
        }
        byte[] payload = message.getPayload();
        Encoding encoding = encodingOf(message, payload);
        if (topic.equals(Topics.counts(device.get()))) {
            return submitCounts(device.get(), payload, encoding);
        }
        if (topic.equals(Topics.status(device.get()))) {
            try {
                return CompletableFuture.supplyAsync(() -> recordStatus(device.get(), payload, encoding), registryWork);
            } catch (RejectedExecutionException e) {
                return CompletableFuture.completedFuture(Settlement.REDELIVER); // shutting down
            }
        }
        LOG.warn("Dropping a message on unexpected topic {}", topic);
        return CompletableFuture.completedFuture(Settlement.ACKNOWLEDGE);
    }

    /** Counts of what became of the messages so far, for the health endpoint. */
    Map<String, Long> tally() {
        return Map.of("stored", stored.get(), "duplicates", duplicates.get(), "rejected", rejected.get(),
                "unavailable", unavailable.get(), "statusReports", statusReports.get());
    }

    private CompletableFuture<Settlement> submitCounts(String device, byte[] payload, Encoding encoding) {
        InboundCounts counts = new InboundCounts(Transport.MQTT, device, payload, encoding, clock.instant());
        CompletableFuture<IntakeResult> answer;
        try {
            answer = intake.submit(counts);
        } catch (RuntimeException e) {
            LOG.error("Count intake failed on a message of {}; it will be delivered again", device, e);
            unavailable.incrementAndGet();
            return CompletableFuture.completedFuture(Settlement.REDELIVER);
        }
        return answer.orTimeout(INTAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((result, failure) -> settle(device, result, failure));
    }

    private Settlement settle(String device, IntakeResult result, Throwable failure) {
        if (failure != null) {
            LOG.warn("No intake answer for a message of {} ({}); it will be delivered again", device, failure.toString());
            unavailable.incrementAndGet();
            return Settlement.REDELIVER;
        }
        if (result instanceof IntakeResult.Stored s) {
            (s.duplicate() ? duplicates : stored).incrementAndGet();
            return Settlement.ACKNOWLEDGE;
        }
        if (result instanceof IntakeResult.Rejected r) {
            rejected.incrementAndGet();
            LOG.info("Rejected MQTT counts of {}: {}", device, r.rejection());
            return Settlement.ACKNOWLEDGE;
        }
        unavailable.incrementAndGet();
        String why = result instanceof IntakeResult.Unavailable u ? u.why() : Reasons.RATE_EXCEEDED;
        LOG.warn("Intake unavailable for a message of {} ({}); it will be delivered again", device, why);
        return Settlement.REDELIVER;
    }

    /** Status reports are acknowledged whatever happens: a heartbeat is soon replaced by the next one. */
    private Settlement recordStatus(String device, byte[] payload, Encoding encoding) {
        try {
            Verdict<StatusReport> verdict = StatusCodec.decodeStatus(payload, encoding);
            if (!verdict.isAccepted()) {
                LOG.info("Rejected MQTT status of {}: {}", device, verdict.rejection());
            } else if (!verdict.value().deviceId().equals(device)) {
                LOG.info("Rejected MQTT status on the topic of {} naming device {}", device, verdict.value().deviceId());
            } else {
                devices.recordStatus(verdict.value());
                statusReports.incrementAndGet();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not record the status of {}", device, e);
        }
        return Settlement.ACKNOWLEDGE;
    }

    /** MQTT 5 carries a content type; MQTT 3.1.1 clients send none, so the payload's first byte decides. */
    private static Encoding encodingOf(MqttMessage message, byte[] payload) {
        String contentType = message.getProperties() == null ? null : message.getProperties().getContentType();
        return Encoding.fromMediaType(contentType).orElseGet(() -> Encoding.sniff(payload));
    }
}
