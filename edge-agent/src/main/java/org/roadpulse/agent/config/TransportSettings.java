package org.roadpulse.agent.config;

import org.roadpulse.protocol.Encoding;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the agent reaches the platform.
 *
 * @param type                mqtt, coap or http (default: from the URI scheme)
 * @param uri                 {@code tcp://host:1883}, {@code ssl://host:8883}, {@code coap://host:5683},
 *                            {@code coaps://host:5684} (DTLS-PSK), {@code http://host:8080} or {@code https://host}
 * @param encoding            cbor (default) or json, for counts and status
 * @param window              most intervals in flight at once (default 16)
 * @param connectTimeoutMs    one connection attempt or CoAP ping (default 10000)
 * @param answerTimeoutMs     an interval without an answer this long is sent again (default 60000)
 * @param backoffInitialMs    first reconnect/retry delay (default 500), doubled per failure, with jitter
 * @param backoffMaxMs        longest reconnect/retry delay (default 60000)
 * @param tls                 MQTT over TLS and HTTPS: which certificates to trust (default: the JVM's)
 */
public record TransportSettings(Kind type, URI uri, Encoding encoding, Integer window, Integer connectTimeoutMs,
                                Integer answerTimeoutMs, Integer backoffInitialMs, Integer backoffMaxMs, Tls tls) {

    public enum Kind { MQTT, COAP, HTTP }

    /**
     * @param truststore         PKCS12 or JKS file with the CA certificates to trust
     * @param truststorePassword its password
     * @param truststoreType     PKCS12 (default) or JKS
     */
    public record Tls(Path truststore, String truststorePassword, String truststoreType) {
    }

    public TransportSettings {
        type = type != null ? type : kindOf(uri);
        encoding = encoding == null ? Encoding.CBOR : encoding;
        window = window == null ? 16 : window;
        connectTimeoutMs = connectTimeoutMs == null ? 10_000 : connectTimeoutMs;
        answerTimeoutMs = answerTimeoutMs == null ? 60_000 : answerTimeoutMs;
        backoffInitialMs = backoffInitialMs == null ? 500 : backoffInitialMs;
        backoffMaxMs = backoffMaxMs == null ? 60_000 : backoffMaxMs;
    }

    public static TransportSettings mqtt(String uri) {
        return new TransportSettings(Kind.MQTT, URI.create(uri), null, null, null, null, null, null, null);
    }

    public static TransportSettings coap(String uri) {
        return new TransportSettings(Kind.COAP, URI.create(uri), null, null, null, null, null, null, null);
    }

    public static TransportSettings http(String uri) {
        return new TransportSettings(Kind.HTTP, URI.create(uri), null, null, null, null, null, null, null);
    }

    /** The transport a URI's scheme names; MQTT when it names none (the agent's historic default). */
    static Kind kindOf(URI uri) {
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme();
        if (scheme.startsWith("coap")) {
            return Kind.COAP;
        }
        return scheme.startsWith("http") ? Kind.HTTP : Kind.MQTT;
    }

    public TransportSettings withEncoding(Encoding encoding) {
        return new TransportSettings(type, uri, encoding, window, connectTimeoutMs, answerTimeoutMs,
                backoffInitialMs, backoffMaxMs, tls);
    }

    public TransportSettings withBackoff(int initialMs, int maxMs) {
        return new TransportSettings(type, uri, encoding, window, connectTimeoutMs, answerTimeoutMs,
                initialMs, maxMs, tls);
    }

    public TransportSettings withTimeouts(int connectMs, int answerMs) {
        return new TransportSettings(type, uri, encoding, window, connectMs, answerMs, backoffInitialMs,
                backoffMaxMs, tls);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        String scheme = uri == null ? null : uri.getScheme();
        if (scheme == null) {
            problems.add("transport.uri is missing (e.g. tcp://localhost:1883 or coap://localhost:5683)");
        } else if (type == Kind.MQTT && !scheme.equals("tcp") && !scheme.equals("ssl")) {
            problems.add("an MQTT transport.uri starts with tcp:// or ssl://, not " + scheme + "://");
        } else if (type == Kind.COAP && !scheme.equals("coap") && !scheme.equals("coaps")) {
            problems.add("a CoAP transport.uri starts with coap:// or coaps://, not " + scheme + "://");
        } else if (type == Kind.HTTP && !scheme.equals("http") && !scheme.equals("https")) {
            problems.add("an HTTP transport.uri starts with http:// or https://, not " + scheme + "://");
        }
        if (window < 1 || window > 1000) {
            problems.add("transport.window must be 1 to 1000");
        }
        if (connectTimeoutMs < 1 || answerTimeoutMs < 1) {
            problems.add("transport timeouts must be positive");
        }
        if (backoffInitialMs < 1 || backoffMaxMs < backoffInitialMs) {
            problems.add("transport backoff needs 0 < backoffInitialMs <= backoffMaxMs");
        }
        return problems;
    }
}
