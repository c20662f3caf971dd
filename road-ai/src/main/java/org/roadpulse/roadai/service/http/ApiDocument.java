package org.roadpulse.roadai.service.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The API as a whole, for the OpenAPI document written while compiling (served at /openapi/roadpulse-road-ai.yml). */
@OpenAPIDefinition(info = @Info(title = "RoadPulse maintenance queue", version = "${api.version}", description = """
        From vehicle-camera images to the prioritised list road-maintenance staff work through (issue #5). Everything \
        is under /api/v1/municipalities/{ags}/ and scoped to that municipality (AGS, 8 digits). Every refusal is JSON \
        `{"reason", "field", "message"}`: 400 names the parameter at fault, 404 an unknown municipality or item, 409 \
        a step the item's status does not allow, 503 a missing damage model or database."""))
final class ApiDocument {
    private ApiDocument() {
    }
}
