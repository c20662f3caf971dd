package org.roadpulse.ingest.broker;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.protocol.Reasons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Lets in the devices of the {@link DeviceRegistry} (username = device id, password = the device's secret) and the
 * ingest service's own account; refuses everyone else. A device must use its id as MQTT client id, so that no client
 * can take over another one's session. What an account may do afterwards is set here as its default permissions.
 * A refused MQTT 5 client reads why in the CONNACK's reason string: {@code auth.invalid} (unknown device, wrong or
 * rotated-away secret) or {@code device.revoked} (right secret, revoked device).
 */
final class DeviceAuthenticator implements SimpleAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceAuthenticator.class);
    /** A registry lookup (a database query) that takes longer fails the CONNECT; the device retries. */
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

    private final DeviceRegistry devices;
    private final ServiceAccount service;
    private final Executor lookups;

    DeviceAuthenticator(DeviceRegistry devices, ServiceAccount service, Executor lookups) {
        this.devices = devices;
        this.service = service;
        this.lookups = lookups;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        String clientId = connect.getClientId();
        Optional<String> username = connect.getUserName();
        Optional<byte[]> password = connect.getPassword().map(DeviceAuthenticator::bytes);
        if (username.isEmpty() || password.isEmpty()) {
            refuse(output, clientId, ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
                    Reasons.AUTH_MISSING + ": username and password required");
            return;
        }
        if (service.isNamed(username.get())) {
            if (service.passwordMatches(password.get())) {
                grant(output, TopicPermissions.forService());
            } else {
                refuse(output, clientId, ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "wrong service password");
            }
            return;
        }
        authenticateDevice(output, clientId, username.get(), new String(password.get(), StandardCharsets.UTF_8));
    }

    private void authenticateDevice(SimpleAuthOutput output, String clientId, String deviceId, String secret) {
        if (!clientId.equals(deviceId) || service.ownsClientId(clientId)) {
            refuse(output, clientId, ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                    "a device must connect with its device id as client id");
            return;
        }
        Async<SimpleAuthOutput> async = output.async(LOOKUP_TIMEOUT, TimeoutFallback.FAILURE,
                ConnackReasonCode.SERVER_UNAVAILABLE, "device registry did not answer in time");
        try {
            lookups.execute(() -> {
                try {
                    if (devices.authenticate(deviceId, secret).isPresent()) {
                        grant(output, TopicPermissions.forDevice(deviceId));
                    } else if (devices.isRevoked(deviceId, secret)) {
                        refuse(output, clientId, ConnackReasonCode.NOT_AUTHORIZED,
                                Reasons.DEVICE_REVOKED + ": the device has been revoked");
                    } else {
                        refuse(output, clientId, ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
                                Reasons.AUTH_INVALID + ": unknown device or wrong secret");
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Device registry failed while authenticating {}; refusing for now", deviceId, e);
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

    private static void grant(SimpleAuthOutput output, List<TopicPermission> permissions) {
        output.getDefaultPermissions().addAll(permissions);
        output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        output.authenticateSuccessfully();
    }

    private static void refuse(SimpleAuthOutput output, String clientId, ConnackReasonCode code, String why) {
        LOG.info("MQTT CONNECT of client {} refused: {}", clientId, why);
        output.failAuthentication(code, why);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
