package org.roadpulse.ingest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A local CA and server certificate made for one test run by the repository's own {@code bin/make-certs.sh}, as an
 * operator makes them: nothing private is kept in the repository.
 *
 * @param dir      the folder the script wrote (ca.pem, server.p12, truststore.p12, ...)
 * @param password the key stores' password
 */
public record TestCertificates(Path dir, String password) {

    private static final Path SCRIPT = Path.of("..", "bin", "make-certs.sh");

    public static TestCertificates make() {
        try {
            Path dir = Files.createTempDirectory("roadpulse-certs").resolve("certs");
            String password = "test-" + Long.toHexString(System.nanoTime());
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", SCRIPT.toString(), dir.toString()))
                    .redirectErrorStream(true);
            builder.environment().put("ROADPULSE_TLS_PASSWORD", password);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("make-certs.sh failed: " + output);
            }
            return new TestCertificates(dir, password);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path serverKeystore() {
        return dir.resolve("server.p12");
    }

    public Path truststore() {
        return dir.resolve("truststore.p12");
    }

    /** A TLS context that trusts this CA only. */
    public SSLContext trustingContext() {
        try (InputStream in = Files.newInputStream(truststore())) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(in, password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test trust store", e);
        }
    }
}
