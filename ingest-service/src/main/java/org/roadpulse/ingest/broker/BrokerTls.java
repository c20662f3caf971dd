package org.roadpulse.ingest.broker;

import java.nio.file.Path;

/**
 * MQTT over TLS beside plain MQTT in the embedded broker: a second listener with the server's certificate and key.
 * Devices still authenticate with id and secret; TLS keeps the secret and the counts from being read on the way.
 *
 * @param port             TLS port (8883 by convention), 0 for any free one
 * @param keystore         PKCS12 (or JKS) file with the server's private key and certificate chain
 *                         ({@code bin/make-certs.sh} makes one)
 * @param keystorePassword its password, also the private key's
 */
public record BrokerTls(int port, Path keystore, String keystorePassword) {

    public BrokerTls {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("MQTT TLS port out of range: " + port);
        }
        if (keystore == null || keystorePassword == null) {
            throw new IllegalArgumentException("MQTT over TLS needs a keystore and its password");
        }
    }
}
