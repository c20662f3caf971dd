package org.roadpulse.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.broker.BrokerAdmission;
import org.roadpulse.ingest.broker.BrokerGrant;
import org.roadpulse.protocol.Reasons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The door of an external EMQX 5 (docker-compose.yml): EMQX's HTTP authentication asks here at every CONNECT, and the
 * answer is {@link BrokerAdmission}'s, as in the embedded broker. An admitted device gets an ACL of exactly its own
 * topics followed by "deny everything", so it can neither publish as another device nor read other devices'
 * configurations; the service account is a superuser (it reads every device through shared subscriptions).
 *
 * <p>Only the broker may ask: it sends {@code roadpulse.broker.hook-key} in {@value #KEY_HEADER}. Without a key
 * configured the hook does not exist (404). A wrong key is a 401, which EMQX reads as "ignore" and, with no other
 * authenticator, as a refusal. Not in the public API document: its callers are brokers, not people or devices.
 */
@Controller("/broker/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
// The broker proves itself with the hook key (below), never with a person's token.
@Secured(SecurityRule.IS_ANONYMOUS)
final class BrokerHookController {

    static final String KEY_HEADER = "X-RoadPulse-Broker-Key";
    private static final Logger LOG = LoggerFactory.getLogger(BrokerHookController.class);

    private final BrokerAdmission admission;
    private final byte[] hookKey;

    BrokerHookController(BrokerAdmission admission, IngestSettings.Broker settings) {
        this.admission = admission;
        this.hookKey = settings.hookKey() == null || settings.hookKey().isBlank() ? null
                : settings.hookKey().trim().getBytes(StandardCharsets.UTF_8);
    }

    /** What EMQX sends, as configured in docker-compose.yml: {@code {"clientid": ..., "username": ..., "password": ...}}. */
    @Serdeable
    record ConnectAttempt(@Nullable String clientid, @Nullable String username, @Nullable String password) {
    }

    /**
     * EMQX's answer format: {@code result} allow or deny, {@code is_superuser}, and since EMQX 5.8 the client's ACL.
     * {@code reason} is ours, for people reading the broker's trace.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Answer(String result, @JsonProperty("is_superuser") boolean superuser, @Nullable List<AclRule> acl,
                  @Nullable String reason) {
    }

    /** One ACL rule of EMQX's format: "eq" before a topic matches it literally, never as a filter. */
    @Serdeable
    record AclRule(String permission, String action, String topic) {
    }

    @Post(uri = "/authenticate", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> authenticate(@Nullable @Header(KEY_HEADER) String key, @Nullable @Body ConnectAttempt attempt) {
        if (hookKey == null) {
            return HttpResponse.notFound(new Replies.Error("broker.hook_off", null,
                    "no broker hook is configured (roadpulse.broker.hook-key)"));
        }
        if (key == null || !MessageDigest.isEqual(hookKey, key.getBytes(StandardCharsets.UTF_8))) {
            return HttpResponse.unauthorized().body(new Replies.Error(Reasons.AUTH_INVALID, KEY_HEADER,
                    "only the broker may ask, with the hook key in " + KEY_HEADER));
        }
        if (attempt == null) {
            return HttpResponse.badRequest(new Replies.Error(Reasons.PAYLOAD_MALFORMED, null,
                    "expected a JSON object with clientid, username and password"));
        }
        try {
            return HttpResponse.ok(answer(attempt.clientid(), admission.admit(attempt.clientid(), attempt.username(),
                    attempt.password() == null ? null : attempt.password().getBytes(StandardCharsets.UTF_8))));
        } catch (RuntimeException e) {
            // EMQX reads a 5xx as "ignore" and so refuses the client, which reconnects later.
            LOG.warn("Device registry failed while the broker asked about client {}", attempt.clientid(), e);
            return HttpReplies.unavailable("the device registry cannot be reached");
        }
    }

    private static Answer answer(String clientId, BrokerAdmission.Decision decision) {
        if (decision instanceof BrokerAdmission.ServiceAdmitted) {
            return new Answer("allow", true, null, null);
        }
        if (decision instanceof BrokerAdmission.DeviceAdmitted device) {
            return new Answer("allow", false, acl(BrokerGrant.forDevice(device.deviceId())), null);
        }
        BrokerAdmission.Refused refused = (BrokerAdmission.Refused) decision;
        LOG.info("Broker CONNECT of client {} refused: {}", clientId, refused.reason());
        return new Answer("deny", false, null, refused.reason());
    }

    private static List<AclRule> acl(List<BrokerGrant> grants) {
        List<AclRule> rules = new ArrayList<>();
        for (BrokerGrant grant : grants) {
            rules.add(new AclRule("allow", grant.activity() == BrokerGrant.Activity.PUBLISH ? "publish" : "subscribe",
                    "eq " + grant.topicFilter()));
        }
        rules.add(new AclRule("deny", "all", "#"));
        return rules;
    }
}
