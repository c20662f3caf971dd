package org.roadpulse.ingest.devices;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What an operator does with a device's credentials: provision, rotate, revoke, reinstate. The registry refuses old
 * or revoked credentials at once on every new connection and request; what it cannot reach are sessions opened
 * before, an MQTT connection or a DTLS session. So every change that takes credentials away is announced to the
 * transports that hold such sessions ({@link #onWithdrawn}), and they end the device's sessions there and then.
 *
 * <p>The announcement reaches this instance's transports only; other instances learn of the change when their
 * registry copy is refreshed (see {@link PgDeviceRegistry}).
 */
@Singleton
public final class CredentialLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialLifecycle.class);

    private final DeviceRegistry devices;
    private final List<Consumer<String>> withdrawalListeners = new CopyOnWriteArrayList<>();

    public CredentialLifecycle(DeviceRegistry devices) {
        this.devices = devices;
    }

    /** Calls {@code listener} with the device id whenever a device's current credentials stop being valid. */
    public void onWithdrawn(Consumer<String> listener) {
        withdrawalListeners.add(listener);
    }

    /** Registers a device, or gives an existing one new credentials (which ends its sessions). */
    public DeviceRegistry.Provisioned provision(String deviceId, String municipality, String name, String secret) {
        boolean existed = devices.find(deviceId).isPresent();
        DeviceRegistry.Provisioned provisioned = devices.provision(deviceId, municipality, name, secret);
        if (existed) {
            withdrawn(deviceId, "re-provisioned");
        }
        return provisioned;
    }

    /** A new generated secret for a registered device; empty if there is no such device. */
    public Optional<DeviceRegistry.Provisioned> rotate(String deviceId) {
        Optional<DeviceRegistry.Provisioned> rotated = devices.rotate(deviceId);
        rotated.ifPresent(provisioned -> withdrawn(deviceId, "secret rotated"));
        return rotated;
    }

    /** Refuses the device from now on, on every transport; empty if there is no such device. */
    public Optional<Device> revoke(String deviceId) {
        Optional<Device> revoked = devices.setEnabled(deviceId, false);
        revoked.ifPresent(device -> withdrawn(deviceId, "revoked"));
        return revoked;
    }

    /** Lets a revoked device in again with its current secret; empty if there is no such device. */
    public Optional<Device> reinstate(String deviceId) {
        Optional<Device> reinstated = devices.setEnabled(deviceId, true);
        reinstated.ifPresent(device -> LOG.info("Device {} reinstated", deviceId));
        return reinstated;
    }

    private void withdrawn(String deviceId, String why) {
        LOG.info("Credentials of device {} withdrawn ({}): ending its open sessions", deviceId, why);
        for (Consumer<String> listener : withdrawalListeners) {
            try {
                listener.accept(deviceId);
            } catch (RuntimeException e) {
                // One transport failing to end a session must not keep the others from ending theirs.
                LOG.warn("A transport could not end the sessions of device {}", deviceId, e);
            }
        }
    }
}
