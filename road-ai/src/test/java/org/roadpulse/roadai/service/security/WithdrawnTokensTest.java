package org.roadpulse.roadai.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.platform.access.Role;
import org.roadpulse.roadai.service.AccountServiceStandIn;
import org.roadpulse.roadai.service.RunningService;
import org.roadpulse.roadai.service.TestPostgres;

/**
 * A token the account service no longer accepts (its person's access changed or ended) stops working here within
 * seconds, though road-ai could still check its signature; others are untouched, and an account service that cannot
 * be asked does not lock everyone out.
 */
@Tag("security")
class WithdrawnTokensTest {

    @TempDir
    Path dataDir;

    @Test
    void aTokenWithdrawnAtTheAccountServiceIsRefusedHereWithinSeconds() throws Exception {
        try (AccountServiceStandIn accounts = AccountServiceStandIn.start();
             RunningService service = RunningService.start(dataDir, TestPostgres.freshDatabase(), false,
                     Map.of("roadai.access.accounts-url", accounts.url()))) {
            // GIVEN two people whose tokens work
            String anna = RunningService.token("anna.tholey", Set.of(Role.MAINTENANCE), Set.of(RunningService.THOLEY));
            String ben = RunningService.token("ben.tholey", Set.of(Role.MAINTENANCE), Set.of(RunningService.THOLEY));
            assertThat(me(service, anna)).isEqualTo(200);
            assertThat(me(service, ben)).isEqualTo(200);

            // WHEN the account service withdraws Anna's token (an admin changed her access)
            accounts.withdraw(anna);

            // THEN road-ai refuses it within seconds, and Ben's still works
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (me(service, anna) != 401 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(me(service, anna)).isEqualTo(401);
            assertThat(me(service, ben)).isEqualTo(200);
        }
    }

    @Test
    void withoutTheAccountServiceSignedTokensStillWork() {
        // GIVEN no account service to ask (RunningService's default address refuses connections)
        try (RunningService service = RunningService.start(dataDir, false)) {
            // WHEN a person with a signed, unexpired token calls
            String token = RunningService.token("anna.tholey", Set.of(Role.MAINTENANCE), Set.of(RunningService.THOLEY));

            // THEN the call is served
            assertThat(me(service, token)).isEqualTo(200);
        }
    }

    private static int me(RunningService service, String token) {
        return service.call("GET", "/api/v1/me", token, null, null).statusCode();
    }
}
