package org.roadpulse.ingest.broker;

import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.protocol.Reasons;

import java.nio.charset.StandardCharsets;

/**
 * Who may connect to the broker: a device of the registry, with its id as username and client id and its secret as
 * password, and the ingest service's own account. A device must use its id as client id, so that no client can take
 * over another one's session. One rule for every broker: the embedded HiveMQ asks it through
 * {@link DeviceAuthenticator}, an external EMQX through the service's broker hook ({@code POST /broker/v1/authenticate}).
 *
 * <p>A device lookup is a database query; a registry failure is thrown to the caller, which answers "try again".
 */
public final class BrokerAdmission {

    private final DeviceRegistry devices;
    private final ServiceAccount service;

    public BrokerAdmission(DeviceRegistry devices, ServiceAccount service) {
        this.devices = devices;
        this.service = service;
    }

    /** The answer to a CONNECT. */
    public sealed interface Decision {
    }

    /** The ingest service's own account: it reads every device's counts (see {@link BrokerGrant#forService()}). */
    public record ServiceAdmitted() implements Decision {
    }

    /** A device, limited to its own topics ({@link BrokerGrant#forDevice(String)}). */
    public record DeviceAdmitted(String deviceId) implements Decision {
    }

    /** @param reason a contract reason code and why, for the client (MQTT 5 reason string) and the log */
    public record Refused(Refusal refusal, String reason) implements Decision {
    }

    public enum Refusal {
        /** No username or password. */
        CREDENTIALS_MISSING,
        /** Unknown device, wrong or rotated-away secret, or the service account's name with a wrong password. */
        CREDENTIALS_INVALID,
        /** A device whose client id is not its id, or a client id of the service account's. */
        CLIENT_ID_INVALID,
        /** The right secret of a revoked device. */
        DEVICE_REVOKED
    }

    /**
     * @param username null or empty when the client sent none
     * @param password null or empty when the client sent none
     */
    public Decision admit(String clientId, String username, byte[] password) {
        if (username == null || username.isEmpty() || password == null || password.length == 0) {
            return new Refused(Refusal.CREDENTIALS_MISSING, Reasons.AUTH_MISSING + ": username and password required");
        }
        if (service.isNamed(username)) {
            return service.passwordMatches(password) ? new ServiceAdmitted()
                    : new Refused(Refusal.CREDENTIALS_INVALID, Reasons.AUTH_INVALID + ": wrong service password");
        }
        if (!username.equals(clientId) || service.ownsClientId(clientId)) {
            return new Refused(Refusal.CLIENT_ID_INVALID, Reasons.AUTH_INVALID
                    + ": a device must connect with its device id as client id");
        }
        String secret = new String(password, StandardCharsets.UTF_8);
        if (devices.authenticate(username, secret).isPresent()) {
            return new DeviceAdmitted(username);
        }
        if (devices.isRevoked(username, secret)) {
            return new Refused(Refusal.DEVICE_REVOKED, Reasons.DEVICE_REVOKED + ": the device has been revoked");
        }
        return new Refused(Refusal.CREDENTIALS_INVALID, Reasons.AUTH_INVALID + ": unknown device or wrong secret");
    }
}
