package org.roadpulse.ingest.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.roadpulse.ingest.devices.Device;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.intake.CountIntake;
import org.roadpulse.ingest.intake.InboundCounts;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.Limits;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.StatusCodec;
import org.roadpulse.protocol.StatusReport;
import org.roadpulse.protocol.Verdict;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP intake for devices without MQTT or CoAP: {@code POST /api/v1/devices/{deviceId}/counts} and {@code /status},
 * authenticated with the device secret as bearer token, body JSON or CBOR. A 200 means committed; retry on 503.
 * Bodies beyond {@code micronaut.server.max-request-size} are refused with 413 before they are read.
 */
@Controller("/api/v1/devices/{deviceId}")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class HttpIntakeController {

    private final CountIntake intake;
    private final DeviceRegistry devices;
    private final Clock clock = Clock.systemUTC();

    HttpIntakeController(CountIntake intake, DeviceRegistry devices) {
        this.intake = intake;
        this.devices = devices;
    }

    @Post(uri = "/counts", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<?>> counts(@PathVariable String deviceId,
                                              @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                              @Nullable @Header(HttpHeaders.CONTENT_TYPE) String contentType,
                                              @Nullable @Body byte[] body) {
        Caller caller = caller(deviceId, authorization);
        if (caller.refusal() != null) {
            return CompletableFuture.completedFuture(caller.refusal());
        }
        Encoding encoding = Encoding.fromMediaType(contentType).orElse(null);
        byte[] payload = body == null ? new byte[0] : body;
        InboundCounts counts = new InboundCounts(Transport.HTTP, caller.device().id(), payload, encoding,
                clock.instant());
        return intake.submit(counts).thenApply(HttpReplies::of);
    }

    @Post(uri = "/status", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> status(@PathVariable String deviceId,
                           @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                           @Nullable @Header(HttpHeaders.CONTENT_TYPE) String contentType,
                           @Nullable @Body byte[] body) {
        Caller caller = caller(deviceId, authorization);
        if (caller.refusal() != null) {
            return caller.refusal();
        }
        Optional<Encoding> encoding = Encoding.fromMediaType(contentType);
        if (encoding.isEmpty()) {
            return HttpReplies.refuse(Reasons.ENCODING_UNSUPPORTED, null, "send application/json or application/cbor");
        }
        byte[] payload = body == null ? new byte[0] : body;
        if (payload.length > Limits.MAX_PAYLOAD_BYTES) {
            return HttpReplies.refuse(Reasons.PAYLOAD_TOO_LARGE, null, "the limit is " + Limits.MAX_PAYLOAD_BYTES
                    + " bytes");
        }
        Verdict<StatusReport> verdict = StatusCodec.decodeStatus(payload, encoding.get());
        if (!verdict.isAccepted()) {
            return HttpReplies.refuse(verdict.rejection());
        }
        StatusReport status = verdict.value();
        if (!status.deviceId().equals(caller.device().id())) {
            return HttpReplies.refuse(Reasons.DEVICE_MISMATCH, "device", "the report names device '"
                    + status.deviceId() + "' but the token belongs to '" + caller.device().id() + "'");
        }
        try {
            devices.recordStatus(status);
        } catch (IllegalStateException e) {
            return HttpReplies.unavailable("status not recorded");
        }
        return HttpResponse.ok(new Replies.StatusRecorded("recorded", status.deviceId()));
    }

    /** The authenticated device, or the response that refuses the request. */
    private record Caller(Device device, HttpResponse<?> refusal) {
    }

    private Caller caller(String pathDevice, String authorization) {
        Optional<String> token = BearerToken.from(authorization);
        if (token.isEmpty()) {
            return new Caller(null, HttpReplies.unauthorized(Reasons.AUTH_MISSING,
                    "send the device secret as 'Authorization: Bearer <secret>'"));
        }
        Optional<Device> device;
        try {
            device = devices.identify(token.get());
        } catch (IllegalStateException e) {
            return new Caller(null, HttpReplies.unavailable("device registry unavailable"));
        }
        if (device.isEmpty()) {
            return new Caller(null, HttpReplies.unauthorized(Reasons.AUTH_INVALID,
                    "the token is no enabled device's secret"));
        }
        if (!device.get().id().equals(pathDevice)) {
            return new Caller(null, HttpReplies.refuse(Reasons.DEVICE_MISMATCH, "deviceId", "the token belongs to"
                    + " device '" + device.get().id() + "', not '" + pathDevice + "'"));
        }
        return new Caller(device.get(), null);
    }
}
