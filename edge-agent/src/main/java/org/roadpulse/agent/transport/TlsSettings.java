package org.roadpulse.agent.transport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * Which certificates to trust for a TLS connection to the broker.
 *
 * @param truststore         a PKCS12 or JKS file with the CA certificates to trust, or null for the JVM's defaults
 * @param truststorePassword its password, or null
 * @param truststoreType     "PKCS12" (default) or "JKS"
 */
public record TlsSettings(Path truststore, String truststorePassword, String truststoreType) {

    public SSLContext sslContext() throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        if (truststore == null) {
            context.init(null, null, null);
            return context;
        }
        KeyStore store = KeyStore.getInstance(truststoreType == null ? "PKCS12" : truststoreType);
        try (InputStream in = Files.newInputStream(truststore)) {
            store.load(in, truststorePassword == null ? null : truststorePassword.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
