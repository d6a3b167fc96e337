package io.openrouteraudit.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenRouter on 127.0.0.1 (HTTP/1.1, com.sun.net.httpserver) that speaks the wire
 * shapes of OPENROUTER.md and picks its behaviour from the request's {@code model} (see
 * {@link SimulatedBehaviour}). It records every request it received and what it answered.
 *
 * <p>In-process: {@code try (var sim = OpenRouterSimulator.start()) { … sim.baseUrl() … }}.
 * As a program: {@code OpenRouterSimulator [--port N] [--port-file F]} serves until killed;
 * port 0 (the default) picks a free port, which is printed and written to the port file.
 */
public final class OpenRouterSimulator implements AutoCloseable {

    private static final Duration IDLE_PATIENCE = Duration.ofSeconds(10);
    /** Bodies are recorded up to this many bytes; a longer one (the 100 MB body) only in part. */
    private static final int RECORDED_BODY_LIMIT = 1 << 20;
    private static final long FAULT_PAUSE_MILLIS = 200;

    private final HttpServer server;
    private final ExecutorService workers;
    private final ExchangeLog log = new ExchangeLog();
    private final ReplyPlanner planner = new ReplyPlanner();
    private final GenerationLookupRules generationLookups = new GenerationLookupRules();

    private OpenRouterSimulator(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Starts on an ephemeral port of 127.0.0.1. */
    public static OpenRouterSimulator start() {
        return start(0);
    }

    public static OpenRouterSimulator start(int port) {
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            AtomicInteger threads = new AtomicInteger();
            ExecutorService workers = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "openrouter-sim-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            OpenRouterSimulator simulator = new OpenRouterSimulator(server, workers);
            server.createContext("/", simulator::serve);
            server.setExecutor(workers);
            server.start();
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the OpenRouter simulator on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}; clients append {@code /api/v1/…}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * How many exchanges have completed, once no request is in flight (up to 10 s): a mark for
     * {@link #exchangesSince(int)} that no late-finishing earlier exchange can cross.
     */
    public int exchangeCount() {
        return exchangesSince(0).size();
    }

    /**
     * How {@code GET /api/v1/generation?id=} answers: early 404s, planted differences and
     * forgotten generations, for reconciliation tests. None apply until a test sets them.
     */
    public GenerationLookupRules generationLookups() {
        return generationLookups;
    }

    /** Every completed exchange, in order of completion. */
    public List<RecordedExchange> exchanges() {
        return log.all();
    }

    /**
     * The exchanges completed after {@code mark}, waiting first (up to 10 s) until no request is
     * still being served, so that a client process that has exited is fully accounted for.
     */
    public List<RecordedExchange> exchangesSince(int mark) {
        try {
            return log.since(mark, IDLE_PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the simulator to be idle", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void serve(HttpExchange exchange) {
        log.begin();
        try {
            URI uri = exchange.getRequestURI();
            byte[] body = exchange.getRequestBody().readAllBytes();
            ReceivedRequest request = new ReceivedRequest(exchange.getRequestMethod(), uri.getRawPath(),
                    uri.getRawQuery(), exchange.getRequestHeaders(), body);
            PlannedReply reply = GenerationLookup.PATH.equals(request.path()) && "GET".equals(request.method())
                    ? GenerationLookup.answer(request, log.all(), generationLookups)
                    : planner.plan(request);
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            boolean delivered = transmit(exchange, reply, written);
            log.complete(request, new SentResponse(reply.status(), reply.headers(), written.toByteArray(),
                    delivered, reply.facts()));
        } catch (IOException e) {
            // The client went away while sending its request: nothing was answered, nothing to record.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("openrouter-sim: failed to serve a request: " + e);
        } finally {
            exchange.close();
            log.end();
        }
    }

    /**
     * Writes the reply part by part, flushing each, then inflicts its connection fault if it has
     * one; false when the client stopped listening or the fault left the body unfinished.
     */
    private static boolean transmit(HttpExchange exchange, PlannedReply reply, ByteArrayOutputStream written)
            throws InterruptedException {
        try {
            Thread.sleep(reply.delayBeforeHeaders().toMillis());
            ConnectionFault fault = reply.fault();
            if (fault != null && fault.kind() == ConnectionFault.Kind.DRIP) {
                return RawConnection.of(exchange).drip(RawResponse.bytes(reply), ConnectionFault.DRIP_GAP_MILLIS);
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            long length = reply.chunked() ? 0 : reply.parts().isEmpty() ? -1 : reply.contentLength();
            exchange.sendResponseHeaders(reply.status(), length);
            OutputStream out = exchange.getResponseBody();
            int partsToWrite = fault == null ? reply.parts().size() : fault.afterParts();
            for (ReplyPart part : reply.parts().subList(0, partsToWrite)) {
                Thread.sleep(part.delayBefore().toMillis());
                for (int i = 0; i < part.times(); i++) {
                    out.write(part.bytes());
                    if (written.size() < RECORDED_BODY_LIMIT) {
                        written.write(part.bytes(), 0, Math.min(part.bytes().length,
                                RECORDED_BODY_LIMIT - written.size()));
                    }
                }
                out.flush();
            }
            if (fault == null) {
                out.close();
                return true;
            }
            // Let the client read what was sent first: a reset discards what it has not read yet.
            Thread.sleep(FAULT_PAUSE_MILLIS);
            RawConnection connection = RawConnection.of(exchange);
            if (fault.kind() == ConnectionFault.Kind.RESET) {
                connection.reset();
            } else {
                connection.close();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        Path portFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(valueOf(args, ++i, "--port"));
                case "--port-file" -> portFile = Path.of(valueOf(args, ++i, "--port-file"));
                default -> {
                    System.err.println("usage: OpenRouterSimulator [--port N] [--port-file FILE]");
                    System.exit(2);
                }
            }
        }
        OpenRouterSimulator simulator = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "openrouter-sim-shutdown"));
        if (portFile != null) {
            // Written whole and then moved into place, so a reader never sees a partial number.
            Path partial = portFile.resolveSibling(portFile.getFileName() + ".partial");
            Files.writeString(partial, Integer.toString(simulator.port()), StandardCharsets.US_ASCII);
            Files.move(partial, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println("OpenRouter simulator listening on " + simulator.baseUrl());
        new CountDownLatch(1).await();
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[index];
    }
}
