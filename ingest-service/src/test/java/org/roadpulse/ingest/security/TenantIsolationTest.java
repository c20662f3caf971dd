package org.roadpulse.ingest.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roadpulse.platform.access.Role;
import org.roadpulse.ingest.sites.PgSites;
import org.roadpulse.ingest.testing.HttpCalls;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestLogins;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.ingest.testing.TestSites;
import org.roadpulse.platform.access.ServiceTokens;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that people of one municipality (Tholey) never see or change another's (Bexbach) sites, devices, flow
 * data, accounts or audit trail: what belongs elsewhere is "not found" (404, or 400 site.unknown in a flow query),
 * and naming a foreign municipality in a change is a 403.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class TenantIsolationTest implements TestPropertyProvider {

    private static final String BEXBACH = TestSites.BEXBACH;
    private static final String THOLEY = TestSites.THOLEY;
    private static final String SITE = "iso-bexbach-site";
    private static final String JSON = "application/json";
    private static final String TOKEN_KEY = "tenant-isolation-test-token-key-0123456789";

    private final TestDatabase db = TestPostgres.freshDatabase();

    @Inject
    EmbeddedServer server;

    @Inject
    PgSites sites;

    private HttpCalls operator;
    private HttpCalls tholeyPlanner;
    private HttpCalls tholeyAdmin;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(db.servicePropertiesInTempFolder());
        properties.put("roadpulse.security.token-secret", TOKEN_KEY);
        return properties;
    }

    @BeforeAll
    void oneSiteDeviceAndAccountInEachMunicipality() {
        TestSites.device(db, "iso-bexbach-1", BEXBACH);
        TestSites.device(db, "iso-tholey-1", THOLEY);
        sites.save(TestSites.site(SITE, BEXBACH, List.of("iso-bexbach-1")));
        sites.save(TestSites.site("iso-tholey-site", THOLEY, List.of("iso-tholey-1")));
        operator = TestLogins.operator(server);
        tholeyPlanner = as("planner.tholey", Role.PLANNER, THOLEY);
        tholeyAdmin = as("admin.tholey", Role.MUNICIPAL_ADMIN, THOLEY);
        assertThat(operator.post("/api/v1/users", JSON, null, utf8("""
                {"username": "planner.bexbach", "password": "bexbach planner pw", "roles": ["PLANNER"],
                 "municipalities": ["10045111"]}""")).statusCode()).isEqualTo(201);
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void anotherMunicipalitysSiteIsNotFoundAndNotListed() {
        assertThat(tholeyPlanner.get("/api/v1/sites/" + SITE).statusCode()).isEqualTo(404);
        assertThat(tholeyPlanner.get("/api/v1/sites").body()).contains("iso-tholey-site").doesNotContain(SITE);
        assertThat(tholeyPlanner.get("/api/v1/sites?municipality=" + BEXBACH).body()).isEqualTo("[]");
        assertThat(tholeyPlanner.get("/api/v1/sites.geojson").body()).contains("iso-tholey-site")
                .doesNotContain(SITE);
        assertThat(tholeyPlanner.get("/api/v1/sites.datex2.xml?municipality=" + BEXBACH).statusCode())
                .isEqualTo(400);
        // the operator sees both
        assertThat(operator.get("/api/v1/sites").body()).contains("iso-tholey-site", SITE);
    }

    @Test
    void flowQueriesAndExportsOfAnotherMunicipalitysSiteGiveNoData() {
        for (String path : List.of("/api/v1/flow/volumes", "/api/v1/flow/figures", "/api/v1/flow/volumes.csv",
                "/api/v1/flow/figures.csv", "/api/v1/flow/volumes.datex2.xml", "/api/v1/flow/volumes.ngsi-ld.json")) {
            HttpResponse<String> response = tholeyPlanner.get(path + "?sites=" + SITE
                    + "&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z");
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("site.unknown");
        }
        HttpResponse<String> own = tholeyPlanner.get("/api/v1/flow/volumes?sites=iso-tholey-site"
                + "&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z");
        assertThat(own.statusCode()).isEqualTo(200);
    }

    @Test
    void theRoadAiServicesTokenReadsTheFlowDataOfItsMunicipalityOnly() {
        // GIVEN a token the road-AI service signs with the shared key for a lookup in Tholey
        ServiceTokens roadAi = new ServiceTokens(TOKEN_KEY, "road-ai", Duration.ofMinutes(5), Clock.systemUTC());
        HttpCalls lookup = operator.as(roadAi.issue(Set.of("PLANNER"), Set.of(THOLEY)));
        String period = "&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z";

        // THEN it reads Tholey's figures, not Bexbach's
        assertThat(lookup.get("/api/v1/flow/figures?sites=iso-tholey-site" + period).statusCode()).isEqualTo(200);
        assertThat(lookup.get("/api/v1/flow/figures?sites=" + SITE + period).body()).contains("site.unknown");
        // AND one signed with another key is refused
        ServiceTokens forged = new ServiceTokens("another-key-that-is-at-least-32-chars", "road-ai",
                Duration.ofMinutes(5), Clock.systemUTC());
        assertThat(operator.as(forged.issue(Set.of("OPERATOR"), Set.of())).get("/api/v1/sites").statusCode())
                .isEqualTo(401);
    }

    @Test
    void anotherMunicipalitysSiteCannotBeChangedOrRemoved() {
        String site = new String(utf8(siteJson(SITE, BEXBACH)), StandardCharsets.UTF_8);
        assertThat(tholeyAdmin.put("/api/v1/sites/" + SITE, JSON, utf8(site)).statusCode()).isEqualTo(403);
        assertThat(tholeyAdmin.put("/api/v1/sites/" + SITE, JSON, utf8(siteJson(SITE, THOLEY))).statusCode())
                .isEqualTo(404);
        assertThat(tholeyAdmin.delete("/api/v1/sites/" + SITE).statusCode()).isEqualTo(404);
        HttpResponse<String> imported = tholeyAdmin.post("/api/v1/sites.geojson", JSON, null, utf8("""
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                 "geometry": {"type": "Point", "coordinates": [7.26, 49.35]},
                 "properties": {"id": "iso-bexbach-site", "municipality": "10045111", "name": "Übernommen",
                  "lanesForward": 1, "lanesBackward": 1}}]}"""));
        assertThat(imported.body()).contains("refused", "municipality.not_yours");
        assertThat(sites.find(SITE).orElseThrow().municipality()).isEqualTo(BEXBACH);
        assertThat(sites.find(SITE).orElseThrow().name()).isEqualTo("Bexbach – Rathausstraße");
    }

    @Test
    void anotherMunicipalitysDevicesAreNotListedNorTakenOver() {
        assertThat(tholeyAdmin.get("/api/v1/devices").body()).contains("iso-tholey-1").doesNotContain("iso-bexbach-1");
        HttpResponse<String> takeOver = tholeyAdmin.post("/api/v1/devices", JSON, null, utf8(
                "{\"id\":\"iso-bexbach-1\",\"municipality\":\"10046118\",\"name\":\"Mine now\"}"));
        HttpResponse<String> foreign = tholeyAdmin.post("/api/v1/devices", JSON, null, utf8(
                "{\"id\":\"iso-new-1\",\"municipality\":\"10045111\",\"name\":\"Elsewhere\"}"));
        assertThat(takeOver.statusCode()).isEqualTo(403);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(db.value("SELECT municipality FROM device WHERE id = 'iso-bexbach-1'")).isEqualTo(BEXBACH);
        assertThat(db.number("SELECT count(*) FROM device WHERE id = 'iso-new-1'")).isZero();
    }

    @Test
    void siteChangesAreAuditedAndSeenOnlyByTheirMunicipalitysAdminsAndOperators() {
        // WHEN an operator creates a site in Bexbach and a Tholey admin one in Tholey
        assertThat(operator.put("/api/v1/sites/iso-audited-bexbach", JSON,
                utf8(siteJson("iso-audited-bexbach", BEXBACH))).statusCode()).isEqualTo(201);
        assertThat(tholeyAdmin.put("/api/v1/sites/iso-audited-tholey", JSON,
                utf8(siteJson("iso-audited-tholey", THOLEY))).statusCode()).isEqualTo(201);

        // THEN both are in the trail with who did it; Tholey's admin sees only Tholey's entry
        assertThat(operator.get("/api/v1/audit").body()).contains("iso-audited-bexbach", "iso-audited-tholey",
                "site.created", "admin.tholey", "test-operator");
        assertThat(tholeyAdmin.get("/api/v1/audit").body()).contains("iso-audited-tholey")
                .doesNotContain("iso-audited-bexbach");
    }

    @Test
    void anotherMunicipalitysAccountsAndAuditTrailAreNotSeen() {
        assertThat(tholeyAdmin.get("/api/v1/users").body()).doesNotContain("planner.bexbach");
        assertThat(tholeyAdmin.get("/api/v1/users/planner.bexbach").statusCode()).isEqualTo(404);
        assertThat(tholeyAdmin.delete("/api/v1/users/planner.bexbach").statusCode()).isEqualTo(404);
        assertThat(tholeyAdmin.put("/api/v1/users/planner.bexbach", JSON, utf8(
                "{\"roles\": [\"PLANNER\"], \"municipalities\": [\"10046118\"]}")).statusCode()).isEqualTo(404);
        assertThat(tholeyAdmin.get("/api/v1/audit").body()).doesNotContain("planner.bexbach");
        assertThat(operator.get("/api/v1/audit").body()).contains("planner.bexbach", "user.created");
    }

    @Test
    void aMunicipalAdminCreatesAccountsOnlyInTheirMunicipalityAndNoOperators() {
        HttpResponse<String> own = tholeyAdmin.post("/api/v1/users", JSON, null, utf8("""
                {"username": "planner2.tholey", "password": "tholey planner pw", "roles": ["PLANNER"],
                 "municipalities": ["10046118"]}"""));
        HttpResponse<String> elsewhere = tholeyAdmin.post("/api/v1/users", JSON, null, utf8("""
                {"username": "planner2.bexbach", "password": "bexbach planner pw", "roles": ["PLANNER"],
                 "municipalities": ["10045111"]}"""));
        HttpResponse<String> operatorMade = tholeyAdmin.post("/api/v1/users", JSON, null, utf8("""
                {"username": "boss.tholey", "password": "tholey boss pw 1", "roles": ["OPERATOR"],
                 "municipalities": ["10046118"]}"""));
        assertThat(own.statusCode()).isEqualTo(201);
        assertThat(own.body()).doesNotContain("argon2", "tholey planner pw");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.body()).contains("municipality.not_yours");
        assertThat(operatorMade.statusCode()).isEqualTo(403);
        assertThat(operatorMade.body()).contains("role.not_grantable");
        assertThat(db.number("SELECT count(*) FROM person_account WHERE username IN ('planner2.bexbach', "
                + "'boss.tholey')")).isZero();
    }

    private HttpCalls as(String username, Role role, String municipality) {
        return new HttpCalls(server.getURL(), TestLogins.token(server.getApplicationContext(), username,
                Set.of(role), Set.of(municipality)));
    }

    private static String siteJson(String id, String municipality) {
        return """
                {"id": "%s", "municipality": "%s", "name": "Übernommen",
                 "location": {"latitude": 49.3466, "longitude": 7.2597},
                 "lanes": {"forward": 1, "backward": 1}, "devices": []}""".formatted(id, municipality);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
