package org.roadpulse.ingest.coap;

import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.SecretUtil;
import org.eclipse.californium.scandium.util.ServerNames;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * DTLS pre-shared keys from the device registry: the PSK identity is the device id, the key its derived
 * {@code DeviceSecrets.preSharedKey}. Unknown and disabled devices get no key, so their handshake fails. The lookup
 * may query the database, so it runs on its own executor and answers Scandium asynchronously.
 */
final class DevicePskStore implements AdvancedPskStore {

    private static final Logger LOG = LoggerFactory.getLogger(DevicePskStore.class);

    private final DeviceRegistry devices;
    private final Executor lookups;
    private volatile HandshakeResultHandler results;

    DevicePskStore(DeviceRegistry devices, Executor lookups) {
        this.devices = devices;
        this.lookups = lookups;
    }

    @Override
    public boolean hasEcdhePskSupported() {
        return true;
    }

    @Override
    public PskSecretResult requestPskSecretResult(ConnectionId cid, ServerNames serverName,
                                                  PskPublicInformation identity, String hmacAlgorithm,
                                                  SecretKey otherSecret, byte[] seed,
                                                  boolean useExtendedMasterSecret) {
        try {
            lookups.execute(() -> results.apply(new PskSecretResult(cid, identity, keyOf(identity))));
        } catch (RejectedExecutionException e) {
            return new PskSecretResult(cid, identity, null); // shutting down
        }
        return null; // answered asynchronously
    }

    @Override
    public PskPublicInformation getIdentity(InetSocketAddress peerAddress, ServerNames virtualHost) {
        return null; // a server never starts a handshake
    }

    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
        this.results = resultHandler;
    }

    private SecretKey keyOf(PskPublicInformation identity) {
        String deviceId = identity.getPublicInfoAsString();
        try {
            Optional<byte[]> key = devices.preSharedKey(deviceId);
            if (key.isEmpty()) {
                LOG.info("DTLS handshake of unknown or disabled device {} refused", deviceId);
                return null;
            }
            SecretKey secret = SecretUtil.create(key.get(), PskSecretResult.ALGORITHM_PSK);
            Arrays.fill(key.get(), (byte) 0);
            return secret;
        } catch (RuntimeException e) {
            LOG.warn("Device registry failed during the DTLS handshake of {}", deviceId, e);
            return null;
        }
    }
}
