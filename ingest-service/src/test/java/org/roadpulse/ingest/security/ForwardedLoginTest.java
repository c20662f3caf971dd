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
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.platform.access.ServiceTokens;
import org.roadpulse.platform.web.PageLogin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * road-ai's login page hands people's credentials to this service from one address. With its service token it names
 * the person's address, and the per-address login limit counts that; without a service token the header is ignored,
 * so no one can dodge the limit by naming other addresses.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class ForwardedLoginTest implements TestPropertyProvider {

    private static final String KEY = "forwarded-login-test-token-key-0123456789";
    /** 2 per name and minute: 12 per address (6 times as many). */
    private static final int PER_ADDRESS = 12;

    private final TestDatabase db = TestPostgres.freshDatabase();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(db.servicePropertiesInTempFolder());
        properties.put("roadpulse.security.token-secret", KEY);
        properties.put("roadpulse.security.logins-per-minute", "2");
        return properties;
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void roadAisForwardedLoginsCountAgainstThePersonsAddressAndNoOneElsesHeaderCounts() {
        String roadAi = new ServiceTokens(KEY, "road-ai", Duration.ofMinutes(1), Clock.systemUTC())
                .issue(Set.of(), Set.of());
        HttpCalls anyone = new HttpCalls(server.getURL());

        // WHEN road-ai forwards a full minute's worth of logins for one person's address, and one more
        List<Integer> fromOneAddress = new ArrayList<>();
        for (int i = 0; i <= PER_ADDRESS; i++) {
            fromOneAddress.add(login(anyone.as(roadAi), "name" + i, "192.0.2.1"));
        }
        // AND then one for another person's address
        int fromAnotherAddress = login(anyone.as(roadAi), "someone.else", "192.0.2.2");

        // THEN the first address is limited after its minute's worth, the other is not
        assertThat(fromOneAddress.subList(0, PER_ADDRESS)).containsOnly(401);
        assertThat(fromOneAddress.get(PER_ADDRESS)).isEqualTo(429);
        assertThat(fromAnotherAddress).isEqualTo(401);

        // WHEN a caller without a service token names a new address each time
        List<Integer> spoofed = new ArrayList<>();
        for (int i = 0; i <= PER_ADDRESS; i++) {
            spoofed.add(login(anyone, "spoof" + i, "198.51.100." + i));
        }
        // THEN all count against its own address, and it is limited just the same
        assertThat(spoofed.subList(0, PER_ADDRESS)).containsOnly(401);
        assertThat(spoofed.get(PER_ADDRESS)).isEqualTo(429);
    }

    private static int login(HttpCalls caller, String username, String forAddress) {
        byte[] body = ("{\"username\": \"" + username + "\", \"password\": \"not the password\"}")
                .getBytes(StandardCharsets.UTF_8);
        return caller.call("POST", "/api/v1/login", "application/json", body, PageLogin.LOGIN_FOR_HEADER, forAddress)
                .statusCode();
    }
}
