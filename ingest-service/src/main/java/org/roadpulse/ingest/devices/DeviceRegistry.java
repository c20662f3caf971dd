package org.roadpulse.ingest.devices;

import org.roadpulse.protocol.StatusReport;

import java.util.List;
import java.util.Optional;

/** The devices allowed to send, with their credentials (only hashes and derived keys are kept, never the secret). */
public interface DeviceRegistry {

    /** The enabled device with this id whose secret this is; empty for unknown, disabled or wrong secret. */
    Optional<Device> authenticate(String deviceId, String secret);

    /**
     * The enabled device whose secret this is, without knowing its id: an HTTP bearer token names its device.
     * Secrets are unique per device. This default asks every device; implementations look the secret's hash up.
     */
    default Optional<Device> identify(String secret) {
        return list().stream()
                .filter(device -> authenticate(device.id(), secret).isPresent())
                .findFirst();
    }

    /** The DTLS pre-shared key of an enabled device (see {@code DeviceSecrets.preSharedKey}). */
    Optional<byte[]> preSharedKey(String deviceId);

    Optional<Device> find(String deviceId);

    List<Device> list();

    /** Keeps a device's latest heartbeat or last will (status topic, CoAP status resource, HTTP status endpoint). */
    void recordStatus(StatusReport status);

    /**
     * Registers a device, or gives an existing one a new secret. The secret is returned once and not kept.
     *
     * @param secret the secret to use, or null to generate one
     */
    Provisioned provision(String deviceId, String municipality, String name, String secret);

    /**
     * Gives a registered device a new generated secret (and so a new DTLS key); the old one stops working at once.
     * A revoked device stays revoked. Empty for an unknown device.
     */
    default Optional<Provisioned> rotate(String deviceId) {
        return find(deviceId).map(device -> provision(device.id(), device.municipality(), device.name(), null));
    }

    /** Reinstates ({@code true}) or revokes ({@code false}) a device; its secret stays. Empty for an unknown device. */
    Optional<Device> setEnabled(String deviceId, boolean enabled);

    /** Whether this is the right secret of a device that has been revoked: its refusals say so, not "wrong secret". */
    boolean isRevoked(String deviceId, String secret);

    record Provisioned(Device device, String secret) {
    }
}
