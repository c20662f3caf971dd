package org.roadpulse.agent.transport.coap;

import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Californium's settings for the agent. Californium only knows a setting once its module is registered, so this
 * registers CoAP, UDP and DTLS first; and it never reads or writes a {@code Californium3.properties} file.
 */
public final class CaliforniumConfiguration {

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private CaliforniumConfiguration() {
    }

    /**
     * @param ackTimeout first retransmission timeout of a confirmable message (doubled on each of
     *                   {@code maxRetransmit} retransmissions, RFC 7252)
     */
    public static Configuration create(Duration ackTimeout, int maxRetransmit) {
        Configuration configuration = Configuration.createStandardWithoutFile();
        configuration.set(CoapConfig.ACK_TIMEOUT, (int) ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        configuration.set(CoapConfig.MAX_RETRANSMIT, maxRetransmit);
        return configuration;
    }
}
