package org.roadpulse.ingest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A device's network link to the broker that a test can cut and restore: a TCP relay on a free loopback port. Cut,
 * it drops the connections it carries and turns new ones away, as a dead mobile link does; the broker and the device
 * stay up, and the device's transport notices on its own. Restored, it relays again.
 */
public final class CuttableLink implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    private CuttableLink(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /** A link to {@code 127.0.0.1:targetPort}, up. */
    public static CuttableLink to(int targetPort) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        CuttableLink link = new CuttableLink(listener, targetPort);
        daemon("link-accept-" + listener.getLocalPort(), link::accept).start();
        return link;
    }

    /** {@code tcp://127.0.0.1:<port>}: what the device uses instead of the broker's own address. */
    public String mqttUrl() {
        return "tcp://127.0.0.1:" + listener.getLocalPort();
    }

    /** Drops every connection now and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(CuttableLink::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket device = listener.accept();
                if (cut) {
                    closeQuietly(device);
                    continue;
                }
                Socket broker = new Socket();
                broker.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
                open.add(device);
                open.add(broker);
                relay(device, broker);
                relay(broker, device);
            } catch (IOException e) {
                // the listener closed, or the broker refused: the device's connect fails and it retries
            }
        }
    }

    private void relay(Socket from, Socket to) {
        daemon("link-relay-" + from.getPort(), () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed or the link was cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }).start();
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }
}
