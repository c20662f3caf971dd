package org.roadpulse.ingest.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roadpulse.ingest.testing.HttpCalls;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestLogins;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.platform.access.Role;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A person who sends too many requests is slowed down with 429 and Retry-After; others are not. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class PersonRateLimitTest implements TestPropertyProvider {

    private final TestDatabase db = TestPostgres.freshDatabase();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(db.servicePropertiesInTempFolder());
        // one request a minute in the long run, three at once: the fourth in a row is over
        properties.put("roadpulse.security.requests-per-second", "0.0167");
        properties.put("roadpulse.security.request-burst", "3");
        return properties;
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void theRequestAfterThePersonsBurstIsTooManyAndAnotherPersonIsNotSlowed() {
        HttpCalls flooder = new HttpCalls(server.getURL(), TestLogins.token(server.getApplicationContext(),
                "planner.script", Set.of(Role.PLANNER), Set.of("10045111")));
        HttpCalls colleague = new HttpCalls(server.getURL(), TestLogins.token(server.getApplicationContext(),
                "planner.colleague", Set.of(Role.PLANNER), Set.of("10045111")));

        // WHEN one person sends 4 requests at once
        for (int i = 0; i < 3; i++) {
            assertThat(flooder.get("/api/v1/me").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> fourth = flooder.get("/api/v1/sites");

        // THEN the fourth is refused for now, with when to come back, and changes nothing for a colleague
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.body()).contains("rate.exceeded", "planner.script");
        assertThat(Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(colleague.get("/api/v1/me").statusCode()).isEqualTo(200);
        // AND requests without a login are not counted against anyone (their 401 comes first)
        assertThat(flooder.anonymous().get("/api/v1/sites").statusCode()).isEqualTo(401);
    }
}
