package org.roadpulse.agent.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.CountIntervalCodec;
import org.roadpulse.protocol.Encoding;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A stand-in for the ingest service's HTTP intake ({@code POST /api/v1/devices/{device}/counts|status}, bearer
 * token), on the JDK's own HTTP server: answers count POSTs as the test decides and records what arrived.
 */
public final class TestHttpService implements AutoCloseable {

    /** An answer to one count POST. */
    public record Answer(int status, String body) {

        public static final Answer STORED = new Answer(200, "{\"status\":\"stored\"}");

        /** A refusal with the contract's error body. */
        public static Answer refused(int status, String reason) {
            return new Answer(status, "{\"reason\":\"" + reason + "\",\"field\":null,\"message\":\"refused by the test\"}");
        }
    }

    /** One count POST as received. */
    public record Received(CountInterval interval, String contentType, String authorization) {
    }

    static {
        // The JDK server writes headers and body apart; with Nagle's algorithm on, each answer then waits for the
        // client's delayed ACK (40 ms), which would make the stand-in, not the agent, the bottleneck.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final String deviceId;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<Received> counts = new ArrayList<>();
    private int statuses;
    private volatile Function<CountInterval, Answer> answer = interval -> Answer.STORED;
    private volatile long delayMillis;

    private TestHttpService(String deviceId) throws IOException {
        this.deviceId = deviceId;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public static TestHttpService start(String deviceId) throws IOException {
        return new TestHttpService(deviceId);
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void answer(Function<CountInterval, Answer> answer) {
        this.answer = answer;
    }

    /** Makes every count POST take this long, as a busy service would. */
    public void delayEachCount(long millis) {
        this.delayMillis = millis;
    }

    public synchronized List<Received> counts() {
        return List.copyOf(counts);
    }

    public synchronized int countsReceived() {
        return counts.size();
    }

    public synchronized int statusCount() {
        return statuses;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String prefix = "/api/v1/devices/" + deviceId + "/";
            if (!"POST".equals(exchange.getRequestMethod()) || !path.startsWith(prefix)) {
                reply(exchange, new Answer(404, "{\"message\":\"no such resource\"}"));
            } else if (path.equals(prefix + "status")) {
                synchronized (this) {
                    statuses++;
                }
                reply(exchange, new Answer(200, "{\"status\":\"recorded\"}"));
            } else if (path.equals(prefix + "counts")) {
                reply(exchange, count(exchange, body));
            } else {
                reply(exchange, new Answer(404, "{\"message\":\"no such resource\"}"));
            }
        }
    }

    private Answer count(HttpExchange exchange, byte[] body) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Encoding encoding = Encoding.fromMediaType(contentType).orElse(null);
        if (encoding == null) {
            return Answer.refused(415, "encoding.unsupported");
        }
        var verdict = new CountIntervalCodec().decode(body, encoding);
        if (!verdict.isAccepted()) {
            return Answer.refused(400, verdict.rejection().reason());
        }
        sleep(delayMillis);
        synchronized (this) {
            counts.add(new Received(verdict.value(), contentType,
                    exchange.getRequestHeaders().getFirst("Authorization")));
        }
        return answer.apply(verdict.value());
    }

    private static void reply(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
