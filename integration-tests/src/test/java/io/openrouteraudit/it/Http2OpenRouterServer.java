package io.openrouteraudit.it;

import io.openrouteraudit.sim.ReceivedRequest;
import io.openrouteraudit.sim.RecordedExchange;
import io.openrouteraudit.sim.ReplyPart;
import io.openrouteraudit.sim.SentResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A local OpenRouter that speaks cleartext HTTP/2 (h2c) on 127.0.0.1, in the test JVM: Jetty 12
 * with an HTTP/1.1 and an h2c connection factory on one port, so a client may start in HTTP/1.1
 * and upgrade ({@code Upgrade: h2c}, RFC 7540 §3.2), or send the HTTP/2 preface directly.
 * It answers as {@link Http2OpenRouterReplies} says and records, per request, the protocol the
 * request really arrived in, so a test can tell a real HTTP/2 exchange from a silent fallback.
 *
 * <p>Jetty (12.1, {@code HTTP2CServerConnectionFactory.upgradeConnection}) accepts the upgrade
 * only on a request without content: a POST offering {@code Upgrade: h2c} is answered in HTTP/1.1.
 */
final class Http2OpenRouterServer implements AutoCloseable {

    private static final Duration IDLE_PATIENCE = Duration.ofSeconds(10);

    /**
     * One request and its answer.
     *
     * @param protocol       the protocol of the connection the request was served on ("HTTP/2.0", "HTTP/1.1")
     * @param upgradeOffered the request carried {@code Upgrade: h2c} (it was the HTTP/1.1 request of an upgrade)
     */
    record Served(String protocol, boolean upgradeOffered, RecordedExchange exchange) {
    }

    private final Server server;
    private final ServerConnector connector;
    private final List<Served> served = new ArrayList<>();
    private int inFlight;

    private Http2OpenRouterServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts on an ephemeral port of 127.0.0.1. */
    static Http2OpenRouterServer start() {
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("h2c-openrouter");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1,
                new HttpConnectionFactory(config), new HTTP2CServerConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setStopTimeout(2_000);
        Http2OpenRouterServer h2 = new Http2OpenRouterServer(server, connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                h2.serve(request, response, callback);
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the h2c OpenRouter server", e);
        }
        return h2;
    }

    /** {@code http://127.0.0.1:PORT}; clients append {@code /api/v1/…}. */
    String baseUrl() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** How many requests have been served so far, once none is in flight (a mark for {@link #servedSince}). */
    int servedCount() {
        return servedSince(0).size();
    }

    /** The requests served after the first {@code mark}, in order of completion, once none is in flight (up to 10 s). */
    synchronized List<Served> servedSince(int mark) {
        long deadline = System.nanoTime() + IDLE_PATIENCE.toNanos();
        try {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the h2c server to be idle", e);
        }
        return List.copyOf(served.subList(Math.min(mark, served.size()), served.size()));
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the h2c OpenRouter server", e);
        }
    }

    private void serve(Request request, Response response, Callback callback) {
        synchronized (this) {
            inFlight++;
        }
        try {
            ReceivedRequest received;
            try (InputStream body = Content.Source.asInputStream(request)) {
                received = new ReceivedRequest(request.getMethod(), request.getHttpURI().getPath(),
                        request.getHttpURI().getQuery(), headersOf(request), body.readAllBytes());
            }
            boolean upgradeOffered = received.header("upgrade") != null
                    && received.header("upgrade").toLowerCase(Locale.ROOT).contains("h2c");
            String protocol = request.getConnectionMetaData().getHttpVersion().asString();
            Http2OpenRouterReplies.Reply reply = Http2OpenRouterReplies.answer(received);
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            boolean delivered = transmit(reply, response, written);
            SentResponse sent = new SentResponse(reply.status(), reply.headers(), written.toByteArray(), delivered,
                    reply.facts());
            synchronized (this) {
                served.add(new Served(protocol, upgradeOffered,
                        new RecordedExchange(served.size() + 1, received, sent)));
            }
            callback.succeeded();
        } catch (Throwable e) {
            callback.failed(e);
        } finally {
            synchronized (this) {
                inFlight--;
                notifyAll();
            }
        }
    }

    /** Status, headers, then each part written and flushed after its pause; false when the client went away. */
    private static boolean transmit(Http2OpenRouterReplies.Reply reply, Response response,
                                    ByteArrayOutputStream written) throws InterruptedException {
        response.setStatus(reply.status());
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        boolean stream = reply.headers().getOrDefault("Content-Type", "").startsWith("text/event-stream");
        if (!stream) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.contentLength());
        }
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            for (ReplyPart part : reply.parts()) {
                Thread.sleep(part.delayBefore().toMillis());
                out.write(part.bytes());
                out.flush();
                written.writeBytes(part.bytes());
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The request's header fields as received. An HTTP/2 request names its host in the
     * {@code :authority} pseudo-header, which Jetty keeps out of the fields; it is shown as {@code host}.
     */
    private static Map<String, List<String>> headersOf(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        if (headers.keySet().stream().noneMatch("host"::equalsIgnoreCase)) {
            String authority = request.getHttpURI().getAuthority();
            if (authority != null) {
                headers.put("host", List.of(authority));
            }
        }
        return headers;
    }
}
