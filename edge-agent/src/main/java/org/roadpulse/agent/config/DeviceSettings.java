package org.roadpulse.agent.config;

/**
 * @param id       device id, as registered on the platform
 * @param secret   the device secret (MQTT password, CoAP token, source of the DTLS key); in YAML best given as
 *                 {@code ${ENVIRONMENT_VARIABLE}}
 * @param firmware what the device reports as its firmware version (default {@value #DEFAULT_FIRMWARE})
 */
public record DeviceSettings(String id, String secret, String firmware) {

    public static final String DEFAULT_FIRMWARE = "roadpulse-agent/0.1.0";

    public DeviceSettings {
        firmware = firmware == null ? DEFAULT_FIRMWARE : firmware;
    }

    public static DeviceSettings of(String id, String secret) {
        return new DeviceSettings(id, secret, null);
    }

    @Override
    public String toString() {
        return "DeviceSettings[id=" + id + ", firmware=" + firmware + "]";
    }
}
