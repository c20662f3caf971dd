package org.roadpulse.roadai.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadpulse.roadai.service.RunningService.BEXBACH;
import static org.roadpulse.roadai.service.RunningService.THOLEY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes to a municipality's settings are in its audit trail: who, when, what; and only in its own. */
class AuditTrailTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void weightChangesAndRoadImportsAreAuditedWithWhoAndWhatPerMunicipality() throws IOException {
        try (RunningService service = RunningService.start(dataDir, false)) {
            String tholey = "/api/v1/municipalities/" + THOLEY;
            // GIVEN a road import by the GIS office and a weight change by Anna (a name the page percent-encodes)
            assertThat(service.postJson(tholey + "/roads", RunningService.THOLEY_ROAD, "gis-office").statusCode())
                    .isEqualTo(200);
            String weights = service.get(tholey + "/weights").body().replace("\"grade\":40.0", "\"grade\":55.0");
            assertThat(service.putJson(tholey + "/weights", weights, "Anna Müller").statusCode())
                    .isEqualTo(200);
            // WHEN the audit trail is read
            JsonNode trail = JSON.readTree(service.get(tholey + "/audit").body());
            // THEN both are there, newest first, with who and what
            assertThat(trail).hasSize(2);
            assertThat(trail.get(0).path("action").asText()).isEqualTo("weights.set");
            assertThat(trail.get(0).path("who").asText()).isEqualTo("Anna Müller");
            assertThat(trail.get(0).path("detail").asText()).contains("\"grade\":55.0");
            assertThat(trail.get(0).path("item").isNull()).isTrue();
            assertThat(trail.get(1).path("action").asText()).isEqualTo("roads.imported");
            assertThat(trail.get(1).path("who").asText()).isEqualTo("gis-office");
            assertThat(trail.get(1).path("detail").asText()).isEqualTo("accepted 1 (L-141), refused 1");
            assertThat(trail.get(1).path("at").asText()).isNotBlank();
            // AND another municipality's trail does not show them
            assertThat(JSON.readTree(service.get("/api/v1/municipalities/" + BEXBACH + "/audit").body())).isEmpty();
        }
    }

    @Test
    void aChangeWithoutALoginIsRefusedAndLeavesNothingBehind() throws IOException {
        try (RunningService service = RunningService.start(dataDir, false)) {
            String tholey = "/api/v1/municipalities/" + THOLEY;
            HttpResponse<String> roads = service.postJson(tholey + "/roads", RunningService.THOLEY_ROAD, null);
            HttpResponse<String> weights = service.putJson(tholey + "/weights", service.get(tholey + "/weights").body(),
                    null);
            assertThat(roads.statusCode()).isEqualTo(401);
            assertThat(weights.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(service.get(tholey + "/audit").body())).isEmpty();
            assertThat(JSON.readTree(service.get(tholey + "/roads").body()).path("features")).isEmpty();
        }
    }
}
