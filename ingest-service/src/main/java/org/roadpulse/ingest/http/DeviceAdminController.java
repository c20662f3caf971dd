package org.roadpulse.ingest.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.SerdeImport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roadpulse.ingest.access.AdminAudit;
import org.roadpulse.ingest.access.Caller;
import org.roadpulse.ingest.devices.CredentialLifecycle;
import org.roadpulse.ingest.devices.Device;
import org.roadpulse.ingest.devices.DeviceOverview;
import org.roadpulse.ingest.devices.DeviceRegistration;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.devices.PgDeviceOverviews;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.Rejection;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Device administration: {@code GET /api/v1/devices} lists the devices with liveness and stored counts (what the
 * live page shows), {@code POST /api/v1/devices} registers one, or gives it a new secret, and returns the secret once;
 * {@code POST /api/v1/devices/{id}/rotate}, {@code /revoke} and {@code /reinstate} run its credential lifecycle
 * ({@link CredentialLifecycle}: sessions opened with withdrawn credentials are ended at once).
 *
 * <p>Municipal admins and operators only; an admin sees and changes the devices of their municipalities, another
 * municipality's device is "unknown" to them. Every change goes to the audit trail.
 */
@Controller("/api/v1/devices")
@ExecuteOn(TaskExecutors.BLOCKING)
@SerdeImport(DeviceOverview.class)
@SerdeImport(DeviceOverview.Sensor.class)
@Tag(name = ApiDocument.DEVICES)
@ApiResponse(responseCode = "503", description = ApiDocument.UNAVAILABLE,
        content = @Content(schema = @Schema(implementation = Replies.Error.class)))
@Secured({AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
public final class DeviceAdminController {

    private static final String UNKNOWN = "`device.unknown`: no device of that id in the caller's municipalities";

    private final DeviceRegistry registry;
    private final CredentialLifecycle devices;
    private final PgDeviceOverviews overviews;
    private final AdminAudit audit;

    DeviceAdminController(DeviceRegistry registry, CredentialLifecycle devices, PgDeviceOverviews overviews,
                          AdminAudit audit) {
        this.registry = registry;
        this.devices = devices;
        this.overviews = overviews;
        this.audit = audit;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "listDevices", summary = "Every device, with liveness and stored counts", description = """
            What the live page (/) shows: last sign of life, state, firmware and outbox depth from the last status \
            report, intervals stored; `enabled` false and `revokedAt` for a revoked device, `secretSetAt` for when \
            its current secret was set. No secrets.""")
    @ApiResponse(responseCode = "200", description = "The devices",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = DeviceOverview.class))))
    HttpResponse<?> list(@Parameter(hidden = true) Caller caller) {
        try {
            List<DeviceOverview> all = overviews.all(caller.visibility());
            return HttpResponse.ok(all);
        } catch (IllegalStateException e) {
            return HttpReplies.unavailable("device list unavailable");
        }
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "provisionDevice", summary = "Register a device, or give a registered one a new secret",
            description = """
            `id` as in contract v1 (`[a-z0-9][a-z0-9-]{2,63}`), `municipality` its AGS (8 digits), `name` 1 to 120 \
            characters, `secret` optional (16 to 128 characters; generated when left out). Registering an existing \
            id again replaces its municipality, name and secret: the old secret stops working. The answer holds \
            the secret, shown this once; the service keeps only its hash. The device's open MQTT connection and \
            DTLS sessions are ended (see rotate).""")
    @ApiResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = Replies.Provisioned.class)))
    @ApiResponse(responseCode = "400", description = """
            `device.invalid`, `municipality.invalid`, `name.invalid`, `secret.invalid` (wrong length, or used by \
            another device), `payload.malformed` (unreadable JSON).""",
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @ApiResponse(responseCode = "403", description = ApiDocument.ROLE_REFUSED,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    HttpResponse<?> provision(@Parameter(hidden = true) Caller caller, @Body Replies.ProvisionRequest body) {
        Optional<Rejection> problem = DeviceRegistration.check(body.id(), body.municipality(), body.name(),
                body.secret());
        if (problem.isPresent()) {
            return HttpReplies.refuse(problem.get());
        }
        // A municipal admin registers in their municipalities only, and cannot take over another's device.
        if (!caller.visibility().includes(body.municipality())
                || registry.find(body.id()).filter(d -> !caller.visibility().includes(d.municipality())).isPresent()) {
            return HttpReplies.notYours("device " + body.id() + " in municipality " + body.municipality());
        }
        try {
            DeviceRegistry.Provisioned provisioned = devices.provision(body.id(), body.municipality(), body.name(),
                    body.secret());
            audit.record(caller, "device.provisioned", body.id(), body.municipality(), null);
            return HttpResponse.created(provisioned(provisioned));
        } catch (IllegalArgumentException e) {
            return HttpReplies.refuse(DeviceRegistration.SECRET_INVALID, "secret", e.getMessage());
        } catch (IllegalStateException e) {
            return HttpReplies.unavailable("device not provisioned");
        }
    }

    @Post(uri = "/{deviceId}/rotate", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotateDeviceSecret", summary = "Give a device a new generated secret", description = """
            The answer holds the new secret, shown this once. The old secret is refused from now on on every \
            transport (MQTT password, CoAP token, DTLS key, HTTP bearer token), and the device's open MQTT \
            connection and DTLS sessions are ended. A revoked device stays revoked.""")
    @ApiResponse(responseCode = "200", description = "Rotated",
            content = @Content(schema = @Schema(implementation = Replies.Provisioned.class)))
    @ApiResponse(responseCode = "404", description = UNKNOWN,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @ApiResponse(responseCode = "403", description = ApiDocument.ROLE_REFUSED,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    HttpResponse<?> rotate(@Parameter(hidden = true) Caller caller, @PathVariable String deviceId) {
        try {
            Optional<Device> device = visible(caller, deviceId);
            if (device.isEmpty()) {
                return unknown(deviceId);
            }
            return devices.rotate(deviceId)
                    .<HttpResponse<?>>map(rotated -> {
                        audit.record(caller, "device.rotated", deviceId, device.get().municipality(), null);
                        return HttpResponse.ok(provisioned(rotated));
                    })
                    .orElseGet(() -> unknown(deviceId));
        } catch (IllegalStateException e) {
            return HttpReplies.unavailable("secret not rotated");
        }
    }

    @Post(uri = "/{deviceId}/revoke", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeDevice", summary = "Revoke a device: refused on every transport from now on",
            description = """
            The device is disabled: new MQTT connections get CONNACK "not authorized" (`device.revoked`), its open \
            MQTT connection and DTLS sessions are ended at once, CoAP requests get 4.03 and HTTP requests 403, both \
            with reason `device.revoked`. Its stored counts stay. `reinstate` lets it in again with the same \
            secret; rotate as well if the secret may have leaked.""")
    @ApiResponse(responseCode = "200", description = "Revoked (also when it already was)",
            content = @Content(schema = @Schema(implementation = Replies.DeviceState.class)))
    @ApiResponse(responseCode = "404", description = UNKNOWN,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @ApiResponse(responseCode = "403", description = ApiDocument.ROLE_REFUSED,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    HttpResponse<?> revoke(@Parameter(hidden = true) Caller caller, @PathVariable String deviceId) {
        return changeState(caller, deviceId, "device.revoked", () -> devices.revoke(deviceId), "device not revoked");
    }

    @Post(uri = "/{deviceId}/reinstate", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "reinstateDevice", summary = "Let a revoked device in again, with its current secret")
    @ApiResponse(responseCode = "200", description = "Enabled (also when it already was)",
            content = @Content(schema = @Schema(implementation = Replies.DeviceState.class)))
    @ApiResponse(responseCode = "404", description = UNKNOWN,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @ApiResponse(responseCode = "403", description = ApiDocument.ROLE_REFUSED,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    HttpResponse<?> reinstate(@Parameter(hidden = true) Caller caller, @PathVariable String deviceId) {
        return changeState(caller, deviceId, "device.reinstated", () -> devices.reinstate(deviceId),
                "device not reinstated");
    }

    private HttpResponse<?> changeState(Caller caller, String deviceId, String action,
                                        Supplier<Optional<Device>> change, String failed) {
        try {
            if (visible(caller, deviceId).isEmpty()) {
                return unknown(deviceId);
            }
            return change.get()
                    .<HttpResponse<?>>map(device -> {
                        audit.record(caller, action, device.id(), device.municipality(), null);
                        return HttpResponse.ok(new Replies.DeviceState(device.id(),
                                device.enabled() ? Replies.DeviceState.ACTIVE : Replies.DeviceState.REVOKED));
                    })
                    .orElseGet(() -> unknown(deviceId));
        } catch (IllegalStateException e) {
            return HttpReplies.unavailable(failed);
        }
    }

    /** The device, if the caller may see it: another municipality's device is as unknown as a missing one. */
    private Optional<Device> visible(Caller caller, String deviceId) {
        return registry.find(deviceId).filter(device -> caller.visibility().includes(device.municipality()));
    }

    private static Replies.Provisioned provisioned(DeviceRegistry.Provisioned provisioned) {
        return new Replies.Provisioned(provisioned.device().id(), provisioned.device().municipality(),
                provisioned.device().name(), provisioned.device().enabled(), provisioned.secret());
    }

    private static HttpResponse<?> unknown(String deviceId) {
        return HttpResponse.notFound(new Replies.Error(Reasons.DEVICE_UNKNOWN, "deviceId",
                "no device '" + deviceId + "' is registered"));
    }
}
