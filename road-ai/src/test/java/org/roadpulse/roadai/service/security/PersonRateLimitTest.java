package org.roadpulse.roadai.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.platform.access.Role;
import org.roadpulse.roadai.service.RunningService;
import org.roadpulse.roadai.service.TestPostgres;

/** A person who sends too many requests is slowed down with 429 and Retry-After; others are not. */
@Tag("security")
class PersonRateLimitTest {

    @Test
    void theRequestAfterThePersonsBurstIsTooManyAndAnotherPersonIsNotSlowed(@TempDir Path dataDir) {
        // GIVEN one request a minute in the long run and three at once
        try (RunningService service = RunningService.start(dataDir, TestPostgres.freshDatabase(), false,
                Map.of("roadai.access.requests-per-second", "0.0167", "roadai.access.request-burst", "3"))) {
            String flooder = RunningService.token("maintenance.script", Set.of(Role.MAINTENANCE),
                    Set.of(RunningService.THOLEY));
            String colleague = RunningService.token("maintenance.colleague", Set.of(Role.MAINTENANCE),
                    Set.of(RunningService.THOLEY));
            String items = "/api/v1/municipalities/" + RunningService.THOLEY + "/items";

            // WHEN one person sends 4 requests at once
            for (int i = 0; i < 3; i++) {
                assertThat(service.call("GET", items, flooder, null, null).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> fourth = service.call("GET", items, flooder, null, null);

            // THEN the fourth is refused for now, with when to come back; a colleague is not slowed
            assertThat(fourth.statusCode()).isEqualTo(429);
            assertThat(fourth.body()).contains("rate.exceeded", "maintenance.script");
            assertThat(Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
            assertThat(service.call("GET", items, colleague, null, null).statusCode()).isEqualTo(200);
        }
    }
}
