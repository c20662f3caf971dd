package org.roadpulse.agent.transport;

import org.roadpulse.protocol.Limits;

import java.util.Objects;

/**
 * Who the agent is to the platform. The one secret becomes each transport's credentials as
 * {@link org.roadpulse.protocol.DeviceSecrets} defines: MQTT password, DTLS pre-shared key, CoAP query token.
 */
public record DeviceIdentity(String deviceId, String secret, String firmware) {

    public DeviceIdentity {
        Objects.requireNonNull(deviceId, "deviceId");
        if (!deviceId.matches(Limits.DEVICE_ID_PATTERN)) {
            throw new IllegalArgumentException("device id '" + deviceId + "' must match " + Limits.DEVICE_ID_PATTERN);
        }
        if (firmware == null || firmware.isBlank() || firmware.length() > Limits.MAX_FIRMWARE_LENGTH) {
            throw new IllegalArgumentException("firmware must have 1 to " + Limits.MAX_FIRMWARE_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "DeviceIdentity[" + deviceId + ", firmware " + firmware + "]";
    }
}
