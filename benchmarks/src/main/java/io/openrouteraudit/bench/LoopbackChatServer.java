package io.openrouteraudit.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal keep-alive HTTP/1.1 server on 127.0.0.1 that answers every request with the same
 * chat completion. Deliberately tiny and predictable: the benchmark measures the client side,
 * and the JDK's built-in server stalled a keep-alive client now and then over tens of
 * thousands of calls.
 */
final class LoopbackChatServer implements AutoCloseable {

    private final ServerSocket socket;
    private final byte[] response;

    LoopbackChatServer(byte[] body) throws IOException {
        this.socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        this.response = concat(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
        Thread acceptor = new Thread(this::acceptLoop, "loopback-chat-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                Thread worker = new Thread(() -> serve(connection), "loopback-chat-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
             OutputStream out = connection.getOutputStream()) {
            while (true) {
                long contentLength = readHead(in);
                if (contentLength < 0) {
                    return;
                }
                in.skipNBytes(contentLength);
                out.write(response);
                out.flush();
            }
        } catch (IOException gone) {
            // client closed the connection
        }
    }

    /** Reads a request head; returns its Content-Length (0 when absent) or -1 at end of stream. */
    private static long readHead(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        long contentLength = 0;
        boolean any = false;
        int c;
        while ((c = in.read()) != -1) {
            any = true;
            if (c == '\n') {
                String text = line.toString().trim();
                if (text.isEmpty()) {
                    return contentLength;
                }
                if (text.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    contentLength = Long.parseLong(text.substring(15).trim());
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        return any ? contentLength : -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
