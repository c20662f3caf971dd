package org.roadpulse.ingest.testing;

import io.micronaut.runtime.server.EmbeddedServer;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URL;
import java.util.Collections;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * HTTP calls that reach a service under test through one of this host's network interfaces rather than loopback,
 * as a call from another host would: for the rules that only loopback may change things.
 */
public final class RemoteClient {

    private RemoteClient() {
    }

    /** Skips the test on a host with no network interface but loopback. */
    public static HttpCalls of(EmbeddedServer server) {
        Optional<InetAddress> address = nonLoopbackAddress();
        assumeTrue(address.isPresent(), "this host has no non-loopback IPv4 address");
        try {
            return new HttpCalls(new URL("http://" + address.get().getHostAddress() + ":" + server.getPort() + "/"));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() {
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!network.isUp() || network.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return Optional.of(address);
                    }
                }
            }
            return Optional.empty();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }
}
