package io.openrouteraudit.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A local OTLP/HTTP receiver that accepts and drops everything: POST /v1/traces, /v1/metrics and
 * /v1/logs on 127.0.0.1 answer 200 with an empty body (an empty protobuf message is a valid
 * export response). It only counts requests and bytes, so a run can show that export happened;
 * decoding would cost the harness CPU the measured process competes for.
 */
final class OtlpSink implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder bytes = new LongAdder();

    OtlpSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        for (String path : new String[] {"/v1/traces", "/v1/metrics", "/v1/logs"}) {
            server.createContext(path, this::accept);
        }
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "otlp-sink");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The base URL an exporter is given as {@code otel.exporter.otlp.endpoint}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void accept(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            bytes.add(in.transferTo(java.io.OutputStream.nullOutputStream()));
            boolean post = exchange.getRequestMethod().equals("POST");
            if (post) {
                requests.computeIfAbsent(exchange.getHttpContext().getPath(), k -> new LongAdder()).increment();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            }
            exchange.sendResponseHeaders(post ? 200 : 405, -1);
        }
    }

    /** Requests per path and bytes received since the last call, e.g. {@code /v1/traces=12, bytes=81234}. */
    Map<String, Long> takeCounts() {
        Map<String, Long> counts = new TreeMap<>();
        requests.forEach((path, n) -> counts.put(path, n.sumThenReset()));
        counts.put("bytes", bytes.sumThenReset());
        return counts;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
