package org.roadpulse.ingest.http;

import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.annotation.Secured;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = ApiDocument.INTAKE)
@SecurityRequirement(name = ApiDocument.DEVICE_SECRET)
@ApiResponse(responseCode = "401", description = "`auth.missing` (no bearer token) or `auth.invalid` (no enabled "
        + "device's secret, e.g. a secret replaced by rotation). The device keeps the payload and retries later.",
        content = @Content(schema = @Schema(implementation = Replies.Error.class)))
@ApiResponse(responseCode = "413", description = "`payload.too_large`: more than 16,384 bytes",
        content = @Content(schema = @Schema(implementation = Replies.Error.class)))
@ApiResponse(responseCode = "415", description = "`encoding.unsupported`: Content-Type neither application/json "
        + "nor application/cbor",
        content = @Content(schema = @Schema(implementation = Replies.Error.class)))
@ApiResponse(responseCode = "503", description = "`service.unavailable`, with `Retry-After` (seconds): the payload "
        + "was not stored; the device keeps it and retries with backoff and jitter.",
        content = @Content(schema = @Schema(implementation = Replies.Error.class)))
// Devices authenticate with their own secret (below), never with a person's token.
@Secured(SecurityRule.IS_ANONYMOUS)
public final class HttpIntakeController {

    private static final String DEVICE_ID = "The device id, the same as the token's device";
    private static final String PAYLOAD_REFUSED = """
            The payload is refused for good (the device drops it): a reason of contract v1, e.g. \
            `payload.malformed`, `field.missing`, `time.misaligned`, `count.negative`; `field` is the path in the \
            payload (`lanes[0].counts.Lkw`). firmware-specs/v1/SPEC.md lists them all.""";

    private final CountIntake intake;
    private final DeviceRegistry devices;
    private final Clock clock = Clock.systemUTC();

    HttpIntakeController(CountIntake intake, DeviceRegistry devices) {
        this.intake = intake;
        this.devices = devices;
    }

    @Post(uri = "/counts", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "postCounts", summary = "One count interval of the device (contract v1)", description = """
            The interval as JSON or CBOR (firmware-specs/v1/schemas/count-interval.schema.json). A 200 comes only \
            after the interval is committed; sending the same `(device, seq)` again is answered `duplicate` and \
            stored once.""",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")),
                    @Content(mediaType = "application/cbor", schema = @Schema(type = "string", format = "binary"))}))
    @ApiResponse(responseCode = "200", description = "Stored, or stored before (`duplicate`)",
            content = @Content(schema = @Schema(implementation = Replies.Stored.class)))
    @ApiResponse(responseCode = "400", description = PAYLOAD_REFUSED,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @ApiResponse(responseCode = "403", description = "`device.mismatch`: the path or the payload's `device` names "
            + "another device than the token's; `device.unknown`: the device is not registered; `device.revoked`: "
            + "the right secret of a revoked device (it keeps the payload until it is reinstated).",
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @ApiResponse(responseCode = "429", description = "`rate.exceeded`, with `Retry-After` (seconds): the device sends "
            + "faster than its rate limit (`roadpulse.rate-limit`); the payload was not stored, the device keeps it "
            + "and sends it again later.",
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    CompletableFuture<HttpResponse<?>> counts(@PathVariable @Parameter(description = DEVICE_ID) String deviceId,
                                              @Nullable @Header(HttpHeaders.AUTHORIZATION) @Parameter(hidden = true)
                                              String authorization,
                                              @Nullable @Header(HttpHeaders.CONTENT_TYPE) @Parameter(hidden = true)
                                              String contentType,
                                              @Nullable @Body @Parameter(hidden = true) byte[] body) {
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
    @Operation(operationId = "postStatus", summary = "A status report (heartbeat) of the device (contract v1)",
            description = "The report as JSON or CBOR (firmware-specs/v1/schemas/status.schema.json).",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")),
                    @Content(mediaType = "application/cbor", schema = @Schema(type = "string", format = "binary"))}))
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = Replies.StatusRecorded.class)))
    @ApiResponse(responseCode = "400", description = PAYLOAD_REFUSED,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @ApiResponse(responseCode = "403", description = "`device.mismatch`: the path or the report's `device` names "
            + "another device than the token's; `device.revoked`: the right secret of a revoked device.",
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    HttpResponse<?> status(@PathVariable @Parameter(description = DEVICE_ID) String deviceId,
                           @Nullable @Header(HttpHeaders.AUTHORIZATION) @Parameter(hidden = true) String authorization,
                           @Nullable @Header(HttpHeaders.CONTENT_TYPE) @Parameter(hidden = true) String contentType,
                           @Nullable @Body @Parameter(hidden = true) byte[] body) {
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
            if (devices.isRevoked(pathDevice, token.get())) {
                return new Caller(null, HttpReplies.refuse(Reasons.DEVICE_REVOKED, null,
                        "device '" + pathDevice + "' has been revoked"));
            }
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
