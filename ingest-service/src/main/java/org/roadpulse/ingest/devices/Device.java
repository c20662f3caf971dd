package org.roadpulse.ingest.devices;

/**
 * A registered roadside unit.
 *
 * @param municipality official municipality key (AGS, 8 digits) of the municipality the device belongs to
 */
public record Device(String id, String municipality, String name, boolean enabled) {
}
