package org.roadpulse.protocol;

/**
 * Settings the platform pushes down to a device (retained on MQTT, observable on CoAP).
 *
 * @param intervalSeconds      count interval length, one of {@link Limits#INTERVAL_LENGTHS_SECONDS}; applies from the
 *                             next interval boundary
 * @param statusPeriodSeconds  heartbeat period
 */
public record DeviceConfig(int intervalSeconds, int statusPeriodSeconds) {
}
