package org.roadpulse.ingest.testdoubles;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * Real Californium/Scandium clients, as a device would use them. Each has its own endpoint and configuration, so
 * Californium never writes its default properties file.
 */
public final class CoapTestClients {

    public static final long TIMEOUT_MILLIS = 10_000;

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private CoapTestClients() {
    }

    /** A client for plain CoAP over UDP. */
    public static CoapClient plain(String uri) {
        Endpoint endpoint = CoapEndpoint.builder().setConfiguration(configuration()).build();
        return client(uri, endpoint);
    }

    /** A client for CoAP over DTLS with a pre-shared key. */
    public static CoapClient dtls(String uri, String identity, byte[] key) {
        Configuration config = configuration();
        config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key))
                .build();
        Endpoint endpoint = CoapEndpoint.builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
        return client(uri, endpoint);
    }

    /** Shuts the client and its endpoint down. */
    public static void close(CoapClient client) {
        if (client != null) {
            Endpoint endpoint = client.getEndpoint();
            client.shutdown();
            endpoint.destroy();
        }
    }

    private static CoapClient client(String uri, Endpoint endpoint) {
        CoapClient client = new CoapClient(uri);
        client.setEndpoint(endpoint);
        client.setTimeout(TIMEOUT_MILLIS);
        return client;
    }

    private static Configuration configuration() {
        return Configuration.createStandardWithoutFile();
    }
}
