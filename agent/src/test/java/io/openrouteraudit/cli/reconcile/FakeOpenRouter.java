package io.openrouteraudit.cli.reconcile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A stand-in for OpenRouter's {@code GET /api/v1/generation?id=} on 127.0.0.1: per id, a script
 * of answers (the last one repeats); an id without a script is 404. Records every lookup.
 */
public final class FakeOpenRouter implements AutoCloseable {

    /** One scripted answer. */
    public record Reply(int status, String body, Map<String, String> headers) {

        public static Reply of(int status) {
            return new Reply(status, "{\"error\":{\"code\":" + status + ",\"message\":\"status " + status + "\"}}",
                    Map.of());
        }

        public static Reply generation(String id, String model, String provider, double cost, long prompt,
                                       long completion) {
            return new Reply(200, String.format(Locale.ROOT, "{\"data\":{\"id\":\"%s\",\"model\":\"%s\","
                    + "\"provider_name\":\"%s\",\"total_cost\":%s,\"tokens_prompt\":%d,\"tokens_completion\":%d,"
                    + "\"native_tokens_prompt\":%d,\"native_tokens_completion\":%d,\"latency\":412,"
                    + "\"streamed\":false,\"cancelled\":false,\"is_byok\":false}}",
                    id, model, provider, Double.toString(cost), prompt, completion, prompt, completion), Map.of());
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, Map.copyOf(more));
        }
    }

    /** One lookup received: the id asked for and the Authorization header sent. */
    public record Lookup(String path, String id, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final List<Lookup> lookups = new ArrayList<>();

    private FakeOpenRouter(HttpServer server) {
        this.server = server;
    }

    public static FakeOpenRouter start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            FakeOpenRouter fake = new FakeOpenRouter(server);
            server.createContext("/", fake::serve);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fake-openrouter");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The answers to successive lookups of {@code id}; the last repeats. */
    public FakeOpenRouter script(String id, Reply... replies) {
        scripts.put(id, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    public synchronized List<Lookup> lookups() {
        return List.copyOf(lookups);
    }

    public synchronized long lookupsOf(String id) {
        return lookups.stream().filter(l -> id.equals(l.id())).count();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            String id = null;
            if (query != null && query.startsWith("id=")) {
                id = URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8);
            }
            synchronized (this) {
                lookups.add(new Lookup(exchange.getRequestURI().getRawPath(), id,
                        exchange.getRequestHeaders().getFirst("Authorization")));
            }
            Reply reply = next(id);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Reply next(String id) {
        Deque<Reply> script = id == null ? null : scripts.get(id);
        if (script == null) {
            return Reply.of(404);
        }
        synchronized (script) {
            return script.size() > 1 ? script.removeFirst() : script.getFirst();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
