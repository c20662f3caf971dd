package org.roadpulse.ingest.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A municipal identity provider for the OIDC login test: discovery document, authorization endpoint (which "logs in"
 * the person it was told to at once and sends the browser back with a code), token endpoint (RS256 ID token with the
 * nonce, {@code preferred_username} and {@code groups}) and JWKS, as Keycloak serves them. No Keycloak runs on the
 * build machines; this is the protocol, with a real signature, not a mock of the service's own code.
 */
public final class StandInIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "roadpulse";
    public static final String CLIENT_SECRET = "stand-in client secret";

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private volatile String username = "anna.tholey";
    private volatile List<String> groups = List.of();

    private StandInIdentityProvider(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
    }

    public static StandInIdentityProvider start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("stand-in").generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StandInIdentityProvider idp = new StandInIdentityProvider(server, key);
            server.createContext("/.well-known/openid-configuration", idp::discovery);
            server.createContext("/authorize", idp::authorize);
            server.createContext("/token", idp::token);
            server.createContext("/jwks", exchange -> idp.answer(exchange, 200,
                    new JWKSet(key.toPublicJWK()).toString()));
            server.start();
            return idp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Who logs in next, with which groups. */
    public void nextLogin(String username, List<String> groups) {
        this.username = username;
        this.groups = List.copyOf(groups);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String issuer = issuer();
        answer(exchange, 200, """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/jwks", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"], "scopes_supported": ["openid"],
                 "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                 "grant_types_supported": ["authorization_code"]}""".formatted(issuer));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        codes.put(code, Map.of("nonce", query.getOrDefault("nonce", ""), "username", username,
                "groups", String.join(",", groups)));
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> login = codes.remove(body.getOrDefault("code", ""));
        if (login == null) {
            answer(exchange, 400, "{\"error\": \"invalid_grant\"}");
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(UUID.randomUUID().toString())
                .audience(CLIENT_ID).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", login.get("nonce")).claim("azp", CLIENT_ID)
                .claim("preferred_username", login.get("username"))
                .claim("groups", login.get("groups").isEmpty() ? List.of() : List.of(login.get("groups").split(",")))
                .build();
        try {
            SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            idToken.sign(new RSASSASigner(key));
            answer(exchange, 200, "{\"access_token\": \"stand-in\", \"token_type\": \"Bearer\", \"expires_in\": 300, "
                    + "\"id_token\": \"" + idToken.serialize() + "\"}");
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
