package org.roadpulse.ingest.coap;

import org.eclipse.californium.core.coap.Response;
import org.roadpulse.ingest.intake.CountIntake;
import org.roadpulse.ingest.intake.InboundCounts;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.protocol.Encoding;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code POST /v1/{device}/counts}: one count interval; 2.04 only once the intake committed it. */
final class CountsResource extends DeviceUploadResource {

    /** Longer than this, and the device is told to retry (5.03) rather than left waiting. */
    static final Duration INTAKE_TIMEOUT = Duration.ofSeconds(30);

    private final CountIntake intake;
    private final Clock clock;

    CountsResource(SenderCheck senders, CountIntake intake, Clock clock) {
        super("counts", senders);
        this.intake = intake;
        this.clock = clock;
    }

    @Override
    CompletableFuture<Response> accept(String deviceId, byte[] payload, Encoding encoding) {
        return intake.submit(new InboundCounts(Transport.COAP, deviceId, payload, encoding, clock.instant()))
                .orTimeout(INTAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((result, failure) -> failure == null
                        ? CoapReplies.to(result)
                        : CoapReplies.unavailable("no answer from the intake in time"));
    }
}
