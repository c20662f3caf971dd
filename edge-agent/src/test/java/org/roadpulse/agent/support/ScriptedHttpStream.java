package org.roadpulse.agent.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A camera's HTTP video stream on localhost, whose connections follow a script: each connection gets the next
 * {@link Answer} (the last one repeats). Real sockets, so FFmpeg meets a real refusal, a real cut-off and a real end.
 */
public final class ScriptedHttpStream implements AutoCloseable {

    /** What one connection gets. */
    public sealed interface Answer permits Refuse, Cut, Whole {
    }

    /** 503: the camera is not ready. */
    public record Refuse() implements Answer {
    }

    /** The first {@code share} of the stream, then it stops: for a live camera, a dropped stream. */
    public record Cut(double share) implements Answer {
    }

    /** The whole stream, then the end. */
    public record Whole() implements Answer {
    }

    private final HttpServer server;
    private final byte[] video;
    private final List<Answer> script;
    private final AtomicInteger connections = new AtomicInteger();

    public ScriptedHttpStream(Path video, List<Answer> script) throws IOException {
        this.video = Files.readAllBytes(video);
        this.script = List.copyOf(script);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/stream.ts", exchange -> {
            int n = connections.getAndIncrement();
            Answer answer = script.get(Math.min(n, script.size() - 1));
            try (exchange) {
                if (answer instanceof Refuse) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "video/mp2t");
                exchange.sendResponseHeaders(200, 0); // chunked, as a live stream: no length known
                int length = answer instanceof Cut cut ? (int) (this.video.length * cut.share()) / 188 * 188
                        : this.video.length;
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(this.video, 0, length);
                }
            } catch (IOException e) {
                // the reader went away: what a camera sees when the agent reconnects
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/stream.ts";
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
