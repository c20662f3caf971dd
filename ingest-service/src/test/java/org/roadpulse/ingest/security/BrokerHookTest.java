package org.roadpulse.ingest.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roadpulse.ingest.broker.ServiceAccount;
import org.roadpulse.ingest.testing.Await;
import org.roadpulse.ingest.testing.HttpCalls;
import org.roadpulse.ingest.testing.StandInBrokerApi;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestLogins;
import org.roadpulse.ingest.testing.TestPostgres;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker hook an external EMQX asks at every CONNECT ({@code POST /broker/v1/authenticate}), called as EMQX calls
 * it, against the real service and PostgreSQL: who is admitted, with which ACL, and that withdrawn credentials end
 * the device's connection through the broker's management API (a stand-in: no EMQX runs here).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class BrokerHookTest implements TestPropertyProvider {

    private static final String JSON = "application/json";
    private static final String HOOK = "/broker/v1/authenticate";
    private static final String KEY = "hook-key-for-tests-0123456789";

    private final TestDatabase db = TestPostgres.freshDatabase();
    private final StandInBrokerApi brokerApi = new StandInBrokerApi();
    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    @Inject
    ServiceAccount serviceAccount;

    private HttpCalls operator;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(db.servicePropertiesInTempFolder());
        properties.put("roadpulse.broker.hook-key", KEY);
        properties.put("roadpulse.broker.admin-url", brokerApi.url());
        properties.put("roadpulse.broker.admin-key", "ingest");
        properties.put("roadpulse.broker.admin-secret", "s3cret");
        return properties;
    }

    @BeforeAll
    void login() {
        operator = TestLogins.operator(server);
    }

    @AfterAll
    void close() {
        brokerApi.close();
        db.close();
    }

    @Test
    void aDeviceWithItsSecretIsAdmittedToItsOwnTopicsAndNothingElse() throws IOException {
        // GIVEN a provisioned device
        String secret = provision("tholey-hook-1");

        // WHEN the broker asks about it connecting with its id and secret
        JsonNode answer = ask("tholey-hook-1", "tholey-hook-1", secret);

        // THEN it is admitted, not as superuser, with an ACL of its own three topics, taken literally, then deny-all
        assertThat(answer.get("result").asText()).isEqualTo("allow");
        assertThat(answer.get("is_superuser").asBoolean()).isFalse();
        assertThat(rules(answer)).containsExactly(
                "allow publish eq roadpulse/v1/tholey-hook-1/counts",
                "allow publish eq roadpulse/v1/tholey-hook-1/status",
                "allow subscribe eq roadpulse/v1/tholey-hook-1/config",
                "deny all #");
    }

    @Test
    void wrongMissingOrBorrowedCredentialsAreRefusedWithTheReason() throws IOException {
        String secret = provision("tholey-hook-2");
        String other = provision("tholey-hook-3");

        assertRefused(ask("tholey-hook-2", "tholey-hook-2", "wrong-secret"), "auth.invalid");
        assertRefused(ask("tholey-hook-2", "tholey-hook-2", other), "auth.invalid");
        assertRefused(ask("nobody-here", "nobody-here", secret), "auth.invalid");
        assertRefused(ask("tholey-hook-2", "tholey-hook-2", ""), "auth.missing");
        assertRefused(ask("tholey-hook-2", "", secret), "auth.missing");
        // a device's own credentials under another client id would let it take over that client's session
        assertRefused(ask("tholey-hook-3", "tholey-hook-2", secret), "auth.invalid");
        assertRefused(ask(serviceAccount.username() + "-1", "tholey-hook-2", secret), "auth.invalid");
        assertRefused(ask(serviceAccount.username() + "-1", serviceAccount.username(), "guess"), "auth.invalid");
    }

    @Test
    void theServiceAccountIsAdmittedAsSuperuser() throws IOException {
        JsonNode answer = ask(serviceAccount.username() + "-1", serviceAccount.username(), serviceAccount.password());

        assertThat(answer.get("result").asText()).isEqualTo("allow");
        assertThat(answer.get("is_superuser").asBoolean()).isTrue();
        assertThat(answer.has("acl")).isFalse();
    }

    @Test
    void aRevokedDeviceIsRefusedAndItsConnectionEndedOnTheBroker() throws Exception {
        // GIVEN a device the broker admits
        String secret = provision("tholey-hook-4");
        assertThat(ask("tholey-hook-4", "tholey-hook-4", secret).get("result").asText()).isEqualTo("allow");

        // WHEN an admin revokes it
        assertThat(operator.post("/api/v1/devices/tholey-hook-4/revoke", JSON, null, new byte[0]).statusCode())
                .isEqualTo(200);

        // THEN the broker's management API is told to end its connection, with the configured API key
        String basic = "Basic " + Base64.getEncoder().encodeToString("ingest:s3cret".getBytes(StandardCharsets.UTF_8));
        StandInBrokerApi.Request ended = new StandInBrokerApi.Request("DELETE", "/api/v5/clients/tholey-hook-4", basic);
        Await.until(() -> brokerApi.requests().contains(ended), Duration.ofSeconds(5), () -> brokerApi.requests().toString());
        // AND its next CONNECT is refused as revoked
        assertRefused(ask("tholey-hook-4", "tholey-hook-4", secret), "device.revoked");
    }

    @Test
    void aRotatedSecretEndsTheConnectionAndOnlyTheNewSecretIsAdmitted() throws Exception {
        String old = provision("tholey-hook-5");
        HttpResponse<String> rotated = operator.post("/api/v1/devices/tholey-hook-5/rotate", JSON, null, new byte[0]);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String fresh = mapper.readTree(rotated.body()).get("secret").asText();

        Await.until(() -> brokerApi.requests().stream().anyMatch(r -> r.path().equals("/api/v5/clients/tholey-hook-5")),
                Duration.ofSeconds(5), () -> brokerApi.requests().toString());
        assertRefused(ask("tholey-hook-5", "tholey-hook-5", old), "auth.invalid");
        assertThat(ask("tholey-hook-5", "tholey-hook-5", fresh).get("result").asText()).isEqualTo("allow");
    }

    @Test
    void onlyTheBrokerWithTheHookKeyMayAsk() {
        byte[] body = attempt("tholey-hook-1", "tholey-hook-1", "x");
        HttpCalls anyone = new HttpCalls(server.getURL());

        assertThat(anyone.call("POST", HOOK, JSON, body).statusCode()).isEqualTo(401);
        assertThat(anyone.call("POST", HOOK, JSON, body, "X-RoadPulse-Broker-Key", "wrong").statusCode())
                .isEqualTo(401);
        // a person's token is no key either
        assertThat(anyone.as(TestLogins.operatorToken(server.getApplicationContext()))
                .call("POST", HOOK, JSON, body).statusCode()).isEqualTo(401);
    }

    @Test
    void aMalformedQuestionIsA400NotAnAnswer() {
        HttpResponse<String> response = new HttpCalls(server.getURL()).call("POST", HOOK, JSON,
                "{\"clientid\": ".getBytes(StandardCharsets.UTF_8), "X-RoadPulse-Broker-Key", KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("allow");
    }

    private String provision(String deviceId) throws IOException {
        HttpResponse<String> created = operator.post("/api/v1/devices", JSON, null, ("{\"id\":\"" + deviceId
                + "\",\"municipality\":\"10046118\",\"name\":\"Hook test\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return mapper.readTree(created.body()).get("secret").asText();
    }

    /** Asks as EMQX does with the body template of docker-compose.yml. */
    private JsonNode ask(String clientId, String username, String password) throws IOException {
        HttpResponse<String> response = new HttpCalls(server.getURL()).call("POST", HOOK, JSON,
                attempt(clientId, username, password), "X-RoadPulse-Broker-Key", KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(JSON);
        return mapper.readTree(response.body());
    }

    private byte[] attempt(String clientId, String username, String password) {
        return mapper.createObjectNode().put("clientid", clientId).put("username", username).put("password", password)
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> rules(JsonNode answer) {
        return java.util.stream.StreamSupport.stream(answer.get("acl").spliterator(), false)
                .map(rule -> rule.get("permission").asText() + " " + rule.get("action").asText() + " "
                        + rule.get("topic").asText())
                .toList();
    }

    private static void assertRefused(JsonNode answer, String reason) {
        assertThat(answer.get("result").asText()).as(answer.toString()).isEqualTo("deny");
        assertThat(answer.get("reason").asText()).startsWith(reason);
        assertThat(answer.has("acl")).isFalse();
    }
}
