package org.roadpulse.ingest.http;

import io.swagger.v3.oas.annotations.Parameter;
import org.roadpulse.ingest.access.AdminAudit;
import org.roadpulse.ingest.access.Caller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.SerdeImport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roadpulse.ingest.devices.DeviceOverview;
import org.roadpulse.ingest.devices.DeviceRegistration;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.devices.PgDeviceOverviews;
import org.roadpulse.protocol.Rejection;

import java.util.List;
import java.util.Optional;

/**
 * Device administration: {@code GET /api/v1/devices} lists the devices with liveness and stored counts (what the
 * live page shows), {@code POST /api/v1/devices} registers one, or gives it a new secret, and returns the secret once.
 *
 * <p>TODO(authorisation, later issue): there is no operator login yet. Until there is, provisioning follows the
 * interim rule of {@link AdminWrites}, and the list, which shows no secrets, is open. Per-municipality visibility
 * belongs to the same issue.
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

    private final DeviceRegistry devices;
    private final PgDeviceOverviews overviews;
    private final AdminAudit audit;

    DeviceAdminController(DeviceRegistry devices, PgDeviceOverviews overviews, AdminAudit audit) {
        this.devices = devices;
        this.overviews = overviews;
        this.audit = audit;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "listDevices", summary = "Every device, with liveness and stored counts", description = """
            What the live page (/) shows: last sign of life, state, firmware and outbox depth from the last status \
            report, intervals stored. No secrets.""")
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
            the secret, shown this once; the service keeps only its hash.""")
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
                || devices.find(body.id()).filter(d -> !caller.visibility().includes(d.municipality())).isPresent()) {
            return HttpReplies.notYours("device " + body.id() + " in municipality " + body.municipality());
        }
        try {
            DeviceRegistry.Provisioned provisioned = devices.provision(body.id(), body.municipality(), body.name(),
                    body.secret());
            audit.record(caller, "device.provisioned", body.id(), body.municipality(), null);
            return HttpResponse.created(new Replies.Provisioned(provisioned.device().id(),
                    provisioned.device().municipality(), provisioned.device().name(), provisioned.device().enabled(),
                    provisioned.secret()));
        } catch (IllegalArgumentException e) {
            return HttpReplies.refuse(DeviceRegistration.SECRET_INVALID, "secret", e.getMessage());
        } catch (IllegalStateException e) {
            return HttpReplies.unavailable("device not provisioned");
        }
    }
}
