package org.roadpulse.ingest.coap;

import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.roadpulse.ingest.devices.Device;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.Rejection;

import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Finds out which device sent a request and whether it may use the path's device. Over DTLS the pre-shared-key
 * identity is the device (the handshake proved the key). Over plain UDP the query {@code token=<secret>} is checked
 * against the path's device, or {@code token=<device>:<secret>} against the named device. Registry lookups, which may
 * hit the database, run on their own executor.
 */
final class SenderCheck {

    static final String TOKEN_QUERY = "token";

    private final DeviceRegistry devices;
    private final Executor lookups;

    SenderCheck(DeviceRegistry devices, Executor lookups) {
        this.devices = devices;
        this.lookups = lookups;
    }

    CompletableFuture<Sender> check(CoapExchange exchange, String pathDevice) {
        Principal peer = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
        if (peer instanceof PreSharedKeyIdentity psk) {
            // The handshake proved the key once; whether the device may still send is asked on every request, so a
            // session opened before a revocation (here or on another instance) carries nothing afterwards.
            String identity = psk.getIdentity();
            return CompletableFuture.supplyAsync(() -> devices.find(identity).filter(Device::enabled).isPresent()
                    ? mayUse(identity, pathDevice)
                    : refused(Reasons.DEVICE_REVOKED, "device " + identity + " has been revoked"), lookups);
        }
        String token = exchange.getQueryParameter(TOKEN_QUERY);
        if (token == null || token.isEmpty()) {
            return CompletableFuture.completedFuture(refused(Reasons.AUTH_MISSING,
                    "use DTLS with the device's pre-shared key, or add ?token=<secret>"));
        }
        int colon = token.indexOf(':');
        String claimed = colon < 0 ? pathDevice : token.substring(0, colon);
        String secret = colon < 0 ? token : token.substring(colon + 1);
        return CompletableFuture.supplyAsync(() -> {
            if (devices.authenticate(claimed, secret).isPresent()) {
                return mayUse(claimed, pathDevice);
            }
            return devices.isRevoked(claimed, secret)
                    ? refused(Reasons.DEVICE_REVOKED, "device " + claimed + " has been revoked")
                    : refused(Reasons.AUTH_INVALID, "unknown device or wrong token");
        }, lookups);
    }

    private static Sender mayUse(String authenticated, String pathDevice) {
        return authenticated.equals(pathDevice)
                ? new Sender.Authenticated(authenticated)
                : refused(Reasons.DEVICE_MISMATCH, "device " + authenticated + " may not use the resources of " + pathDevice);
    }

    private static Sender refused(String reason, String message) {
        return new Sender.Refused(Rejection.of(reason, null, message));
    }
}
