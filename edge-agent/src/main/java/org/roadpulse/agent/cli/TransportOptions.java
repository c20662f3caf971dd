package org.roadpulse.agent.cli;

import org.roadpulse.agent.config.TransportSettings;
import org.roadpulse.protocol.Encoding;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;

/** How to reach the platform, for the commands that take no configuration file. */
final class TransportOptions {

    @Option(names = "--uri", defaultValue = "tcp://localhost:1883",
            description = "Platform endpoint: tcp://host:1883, ssl://host:8883 (MQTT), coap://host:5683, "
                    + "coaps://host:5684 (CoAP, DTLS-PSK), http://host:8080, https://host (HTTP intake). "
                    + "Default: ${DEFAULT-VALUE}")
    URI uri;

    @Option(names = "--encoding", defaultValue = "CBOR", description = "CBOR or JSON. Default: ${DEFAULT-VALUE}")
    Encoding encoding;

    @Option(names = "--window", description = "Most intervals in flight at once (default 16; an import may use more)")
    Integer window;

    @Option(names = "--truststore", description = "MQTT over TLS, HTTPS: PKCS12 file with the CA certificates to trust")
    Path truststore;

    @Option(names = "--truststore-password", description = "Password of the truststore")
    String truststorePassword;

    TransportSettings settings() {
        TransportSettings.Tls tls = truststore == null ? null
                : new TransportSettings.Tls(truststore, truststorePassword, "PKCS12");
        return new TransportSettings(null, uri, encoding, window, null, null, null, null, tls);
    }
}
