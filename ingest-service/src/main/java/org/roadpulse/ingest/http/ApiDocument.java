package org.roadpulse.ingest.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The HTTP API as a whole, for the OpenAPI document that micronaut-openapi writes while compiling
 * ({@code META-INF/swagger/roadpulse-ingest.yml}, served by {@link OpenApiDocumentController}; Swagger UI at
 * {@code /api-docs/}). The operations are described on the controllers; the texts they share are here, so a rule
 * is worded once. Every text says only what the code does: docs/flow-history.md is the longer account.
 *
 * <p>Refusals are described as {@code @Content(schema = @Schema(implementation = Replies.Error.class))}. The
 * generator gives such content the media types the operation produces (even when told application/json), which is
 * right for JSON operations; those producing CSV, XML or GeoJSON describe their refusals without content, and the
 * API's description says that every refusal is JSON.
 */
@OpenAPIDefinition(
        info = @Info(
                title = "RoadPulse ingest service",
                version = "${api.version}",
                description = """
                        Count intake from roadside devices, device and measurement-site administration, and the flow \
                        history planners query: volumes per class group with completeness, the standard figures (DTV, \
                        DTVw, DTV_SV, SV-Anteil, MSV, peak hour, day/night, V85) and exports as CSV, DATEX II and \
                        NGSI-LD. Days, weeks, months and years are local time of the service's zone (Europe/Berlin by \
                        default). Every refusal is JSON `{"reason", "field", "message"}`: `reason` is a stable code, \
                        `field` the parameter or body field at fault (or null), `message` an explanation for people. \
                        People log in with POST /api/v1/login and send the token as `Authorization: Bearer`; \
                        without it the answer is 401, without the role for an operation 403 (docs/security.md).""",
                // TODO(licence): the project has not chosen a licence yet; name it here when it does.
                license = @License(name = "No licence chosen yet: all rights reserved")),
        tags = {
                @Tag(name = ApiDocument.FLOW, description = "Volumes and standard figures of measurement sites"),
                @Tag(name = ApiDocument.EXPORTS, description = "The flow history as CSV, DATEX II v3.6 and NGSI-LD"),
                @Tag(name = ApiDocument.SITES, description = "Measurement sites (Messquerschnitte), also as GeoJSON"),
                @Tag(name = ApiDocument.DEVICES, description = "The device registry"),
                @Tag(name = ApiDocument.INTAKE, description = "Count intervals and status reports from devices "
                        + "that use neither MQTT nor CoAP (contract v1, firmware-specs/v1/SPEC.md)"),
                @Tag(name = ApiDocument.ACCESS, description = "Login, accounts of people and the audit trail")
        })
@SecurityScheme(name = ApiDocument.PERSON_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A person's token from POST /api/v1/login")
@SecurityScheme(name = ApiDocument.DEVICE_SECRET, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The device's secret, as returned once by POST /api/v1/devices")
final class ApiDocument {

    static final String FLOW = "Flow history";
    static final String EXPORTS = "Exports";
    static final String SITES = "Measurement sites";
    static final String DEVICES = "Devices";
    static final String INTAKE = "Device intake";
    static final String ACCESS = "Login and accounts";
    static final String DEVICE_SECRET = "deviceSecret";
    static final String PERSON_TOKEN = "personToken";

    static final String UNAVAILABLE = "The database cannot be reached: `service.unavailable`, with `Retry-After` "
            + "(seconds). Try again later.";
    static final String ROLE_REFUSED = "Without the role for it (`MUNICIPAL_ADMIN` or `OPERATOR`) the answer is a 403 "
            + "without body; naming a municipality that is not the caller's, `municipality.not_yours`.";

    /** The 400 answer of the site API (docs/flow-history.md, "Measurement sites"). */
    static final String SITE_REFUSALS = """
            A site breaks a rule; `field` names it. Reasons: `site.id_invalid` (ids as device ids: \
            `[a-z0-9][a-z0-9-]{2,63}`), `site.id_mismatch`, `municipality.invalid` (AGS: 8 digits; also for the \
            `municipality` filter), `name.missing`, `name.invalid` / `road.invalid` / `direction_label.invalid` (more \
            than 120 characters), `location.invalid` (missing, latitude outside ±90, longitude outside ±180), \
            `lanes.invalid` (0–8 per direction, at least one lane), `speed_limit.invalid` (5–200 km/h or absent), \
            `device.unknown`, `device.other_municipality`, `payload.malformed` (unreadable JSON).""";

    private ApiDocument() {
    }
}
