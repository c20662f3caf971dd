package org.roadpulse.roadai.service;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.roadpulse.platform.access.Role;
import org.roadpulse.platform.web.PageLogin;

/**
 * Stands in for the ingest service's {@code POST /api/v1/login} (road-ai's tests cannot start that service): one
 * account, {@code anna.tholey} with password {@code right}, maintenance staff of Tholey, answered as the ingest
 * service answers, with a token signed with the tests' key; wrong passwords get its 401 {@code login.failed}.
 * Its {@code GET /api/v1/me} accepts every bearer token but those {@link #withdraw withdrawn}, as the ingest service
 * refuses the tokens of a person whose access changed. The ingest service's own tests check that side
 * (LoginAndAccountsTest).
 */
public final class AccountServiceStandIn implements AutoCloseable {

    public static final String USER = "anna.tholey";
    public static final String PASSWORD = "right";

    private final HttpServer server;
    private final Set<String> withdrawn;
    private final List<Map<String, String>> logins;

    private AccountServiceStandIn(HttpServer server, Set<String> withdrawn, List<Map<String, String>> logins) {
        this.server = server;
        this.withdrawn = withdrawn;
        this.logins = logins;
    }

    /** The headers Authorization and X-RoadPulse-Login-For of each login asked here, as far as sent. */
    public List<Map<String, String>> logins() {
        return List.copyOf(logins);
    }

    public static AccountServiceStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            List<Map<String, String>> logins = new CopyOnWriteArrayList<>();
            server.createContext("/api/v1/login", exchange -> {
                Map<String, String> headers = new HashMap<>();
                for (String name : List.of("Authorization", PageLogin.LOGIN_FOR_HEADER)) {
                    String value = exchange.getRequestHeaders().getFirst(name);
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                logins.add(headers);
                String credentials = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean right = credentials.contains("\"username\":\"" + USER + "\"")
                        && credentials.contains("\"password\":\"" + PASSWORD + "\"");
                String body = right
                        ? "{\"token\":\"" + RunningService.token(USER, Set.of(Role.MAINTENANCE),
                        Set.of(RunningService.THOLEY)) + "\",\"tokenType\":\"Bearer\",\"expiresIn\":3600}"
                        : "{\"reason\":\"login.failed\",\"field\":null,\"message\":\"wrong username or password\"}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(right ? 200 : 401, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            Set<String> withdrawn = ConcurrentHashMap.newKeySet();
            server.createContext("/api/v1/me", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                boolean current = authorization != null && authorization.startsWith("Bearer ")
                        && !withdrawn.contains(authorization.substring(7));
                exchange.sendResponseHeaders(current ? 200 : 401, -1);
                exchange.close();
            });
            server.start();
            return new AccountServiceStandIn(server, withdrawn, logins);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on this token is refused here, as after a change of its person's access. */
    public void withdraw(String token) {
        withdrawn.add(token);
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
