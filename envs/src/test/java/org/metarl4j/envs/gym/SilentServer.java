package org.metarl4j.envs.gym;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server that accepts connections and never finishes an answer: it stays silent, or sends {@code prefix} (e.g.
 * headers promising a longer body) and stalls. For testing that every call ends at its time-out.
 */
final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final String prefix;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SilentServer(String prefix) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.prefix = prefix;
        this.acceptor = new Thread(this::acceptAll, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                connections.incrementAndGet();
                if (!prefix.isEmpty()) {
                    InputStream in = s.getInputStream();
                    byte[] buffer = new byte[8192];
                    int read = in.read(buffer); // the request; then the partial answer
                    if (read > 0) {
                        OutputStream out = s.getOutputStream();
                        out.write(prefix.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
