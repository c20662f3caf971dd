package org.roadpulse.ingest.broker;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import org.roadpulse.ingest.broker.BrokerAdmission.DeviceAdmitted;
import org.roadpulse.ingest.broker.BrokerAdmission.Refused;
import org.roadpulse.ingest.broker.BrokerAdmission.ServiceAdmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The embedded HiveMQ's door: asks {@link BrokerAdmission} off HiveMQ's threads (a device lookup is a database query)
 * and sets what an admitted account may do as its default permissions, everything else denied. A refused MQTT 5
 * client reads why in the CONNACK's reason string: {@code auth.invalid} (unknown device, wrong or rotated-away secret)
 * or {@code device.revoked} (right secret, revoked device).
 */
final class DeviceAuthenticator implements SimpleAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceAuthenticator.class);
    /** A registry lookup (a database query) that takes longer fails the CONNECT; the device retries. */
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

    private final BrokerAdmission admission;
    private final Executor lookups;

    DeviceAuthenticator(BrokerAdmission admission, Executor lookups) {
        this.admission = admission;
        this.lookups = lookups;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        String clientId = connect.getClientId();
        String username = connect.getUserName().orElse(null);
        byte[] password = connect.getPassword().map(DeviceAuthenticator::bytes).orElse(null);
        Async<SimpleAuthOutput> async = output.async(LOOKUP_TIMEOUT, TimeoutFallback.FAILURE,
                ConnackReasonCode.SERVER_UNAVAILABLE, "device registry did not answer in time");
        try {
            lookups.execute(() -> {
                try {
                    decide(output, clientId, admission.admit(clientId, username, password));
                } catch (RuntimeException e) {
                    LOG.warn("Device registry failed while authenticating {}; refusing for now", clientId, e);
                    output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "device registry unavailable");
                } finally {
                    async.resume();
                }
            });
        } catch (RejectedExecutionException e) {
            output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "shutting down");
            async.resume();
        }
    }

    private static void decide(SimpleAuthOutput output, String clientId, BrokerAdmission.Decision decision) {
        if (decision instanceof ServiceAdmitted) {
            grant(output, BrokerGrant.forService());
        } else if (decision instanceof DeviceAdmitted device) {
            grant(output, BrokerGrant.forDevice(device.deviceId()));
        } else if (decision instanceof Refused refused) {
            LOG.info("MQTT CONNECT of client {} refused: {}", clientId, refused.reason());
            output.failAuthentication(connackCode(refused.refusal()), refused.reason());
        }
    }

    private static ConnackReasonCode connackCode(BrokerAdmission.Refusal refusal) {
        return switch (refusal) {
            case CREDENTIALS_MISSING, CREDENTIALS_INVALID -> ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD;
            case CLIENT_ID_INVALID -> ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID;
            case DEVICE_REVOKED -> ConnackReasonCode.NOT_AUTHORIZED;
        };
    }

    private static void grant(SimpleAuthOutput output, List<BrokerGrant> grants) {
        output.getDefaultPermissions().addAll(TopicPermissions.of(grants));
        output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        output.authenticateSuccessfully();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
