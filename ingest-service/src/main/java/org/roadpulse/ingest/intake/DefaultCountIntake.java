package org.roadpulse.ingest.intake;

import org.roadpulse.platform.limits.RateLimit;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.devices.Device;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.CountIntervalCodec;
import org.roadpulse.protocol.Limits;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.Rejection;
import org.roadpulse.protocol.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The checks every transport shares, in order: size (before any parsing), a registered and enabled sender,
 * the contract (codec), and that the payload names its sender. What passes goes to the {@link CountWriter}; what
 * fails is counted, logged and kept as a {@link DeadLetter}, and answered at once without waiting for the database.
 */
@Singleton
public final class DefaultCountIntake implements CountIntake {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultCountIntake.class);

    private final CountIntervalCodec codec;
    private final DeviceRegistry devices;
    private final CountWriter writer;
    private final DeadLetterSink deadLetters;
    private final IntakeMetrics metrics;
    private final RateLimit rateLimit;

    @Inject
    public DefaultCountIntake(DeviceRegistry devices, CountWriter writer, DeadLetterSink deadLetters,
                              IntakeMetrics metrics, IngestSettings.RateLimit rateLimit) {
        this(Clock.systemUTC(), devices, writer, deadLetters, metrics,
                new RateLimit(rateLimit.messagesPerSecond(), rateLimit.burst(), System::nanoTime));
    }

    /** @param clock the service clock that device timestamps are checked against */
    public DefaultCountIntake(Clock clock, DeviceRegistry devices, CountWriter writer, DeadLetterSink deadLetters,
                              IntakeMetrics metrics) {
        this(clock, devices, writer, deadLetters, metrics, RateLimit.unlimited());
    }

    /** @param rateLimit checked after the sender is known to be registered, so strangers cannot fill it */
    public DefaultCountIntake(Clock clock, DeviceRegistry devices, CountWriter writer, DeadLetterSink deadLetters,
                              IntakeMetrics metrics, RateLimit rateLimit) {
        this.codec = new CountIntervalCodec(clock);
        this.devices = devices;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.rateLimit = rateLimit;
    }

    @Override
    public CompletableFuture<IntakeResult> submit(InboundCounts counts) {
        metrics.received(counts.transport());
        Verdict<CountInterval> verdict;
        try {
            verdict = check(counts);
        } catch (RuntimeException e) {
            // The registry could not be asked (database down on a cache miss): the device must retry, not be refused.
            LOG.warn("Could not check a payload from {}: {}", counts.authenticatedDevice(), e.toString());
            IntakeResult unavailable = new IntakeResult.Unavailable("device registry unavailable");
            metrics.outcome(counts.transport(), unavailable);
            return CompletableFuture.completedFuture(unavailable);
        }
        if (verdict instanceof Verdict.Rejected<CountInterval> rejected) {
            return CompletableFuture.completedFuture(reject(counts, rejected.rejection()));
        }
        long wait = rateLimit.admit(counts.authenticatedDevice());
        if (wait > 0) {
            IntakeResult throttled = new IntakeResult.Throttled(counts.authenticatedDevice(), wait);
            metrics.outcome(counts.transport(), throttled);
            return CompletableFuture.completedFuture(throttled);
        }
        AcceptedCounts accepted = new AcceptedCounts(verdict.value(), counts.transport(), counts.receivedAt());
        return writer.write(accepted).thenApply(result -> {
            metrics.outcome(counts.transport(), result);
            return result;
        });
    }

    private Verdict<CountInterval> check(InboundCounts counts) {
        byte[] payload = counts.payload();
        if (payload.length > Limits.MAX_PAYLOAD_BYTES) {
            return Verdict.rejected(Reasons.PAYLOAD_TOO_LARGE, null, "payload has " + payload.length
                    + " bytes; the limit is " + Limits.MAX_PAYLOAD_BYTES);
        }
        String sender = counts.authenticatedDevice();
        Optional<Device> device = devices.find(sender);
        if (device.isEmpty()) {
            return Verdict.rejected(Reasons.DEVICE_UNKNOWN, null, "device '" + sender + "' is not registered");
        }
        if (!device.get().enabled()) {
            return Verdict.rejected(Reasons.DEVICE_REVOKED, null, "device '" + sender + "' has been revoked");
        }
        if (counts.encoding() == null) {
            return Verdict.rejected(Reasons.ENCODING_UNSUPPORTED, null, "send application/json or application/cbor");
        }
        Verdict<CountInterval> decoded = codec.decode(payload, counts.encoding());
        if (decoded.isAccepted() && !decoded.value().deviceId().equals(sender)) {
            return Verdict.rejected(Reasons.DEVICE_MISMATCH, "device", "the payload names device '"
                    + decoded.value().deviceId() + "' but was sent by '" + sender + "'");
        }
        return decoded;
    }

    /** The payload as it came, but at most the contract's limit: an oversized one is kept only in part. */
    private static byte[] keptBytes(byte[] payload) {
        return payload.length <= Limits.MAX_PAYLOAD_BYTES ? payload : Arrays.copyOf(payload, Limits.MAX_PAYLOAD_BYTES);
    }

    private IntakeResult reject(InboundCounts counts, Rejection rejection) {
        metrics.rejected(counts.transport(), rejection.reason());
        LOG.info("Rejected {} bytes from {} via {}: {}", counts.payload().length, counts.authenticatedDevice(),
                counts.transport(), rejection);
        deadLetters.keep(new DeadLetter(counts.receivedAt(), counts.transport(), counts.authenticatedDevice(),
                rejection, keptBytes(counts.payload())));
        return new IntakeResult.Rejected(rejection);
    }
}
