package io.openrouteraudit.telemetry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Whether the OTLP endpoint takes connections at all, asked once at exit before the flush, and
 * whether it answers anything, asked only when the flush is slow. With no collector running (the
 * default {@code localhost:4318} on a developer's machine), or one that accepts connections and
 * never answers, the SDK would only wait until the flush bound ran out, holding the
 * application's exit for nothing.
 */
final class CollectorProbe {

    static final int CONNECT_TIMEOUT_MILLIS = 300;
    static final int ANSWER_TIMEOUT_MILLIS = 300;
    // Any server answers this with something: an HTTP collector with a status line, a gRPC
    // (HTTP/2) one with an error frame or a close, a TLS one with an alert. Only a stalled one
    // says nothing.
    private static final byte[] QUESTION = "HEAD / HTTP/1.1\r\nHost: collector\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private CollectorProbe() {
    }

    /**
     * The endpoint the spans go to, as autoconfiguration picks it: the traces endpoint, else the
     * common one, else the default port of the protocol ({@code grpc} 4317, else 4318).
     */
    static URI endpoint(Function<String, String> settings) {
        String traces = ExportSignals.trimmed(settings.apply("otel.exporter.otlp.traces.endpoint"));
        String common = ExportSignals.trimmed(settings.apply("otel.exporter.otlp.endpoint"));
        String chosen = traces != null ? traces : common;
        if (chosen != null) {
            return URI.create(chosen);
        }
        String protocol = ExportSignals.trimmed(settings.apply("otel.exporter.otlp.traces.protocol"));
        if (protocol == null) {
            protocol = ExportSignals.trimmed(settings.apply(ExportSignals.PROTOCOL));
        }
        return URI.create("grpc".equals(protocol) ? "http://localhost:4317" : "http://localhost:4318");
    }

    /**
     * Whether the configured endpoint surely refuses connections; false when that cannot be told
     * (a setting that is no URI), so the flush keeps its whole bound. Never throws: it runs in the
     * exit hook, where an exception would reach the application's stderr.
     */
    static boolean refuses(Function<String, String> settings) {
        URI endpoint = endpointOrNull(settings);
        return endpoint != null && !acceptsConnections(endpoint, CONNECT_TIMEOUT_MILLIS);
    }

    /**
     * Whether the configured endpoint says nothing at all, not even a close or a refusal: a
     * connection that does not open within {@link #CONNECT_TIMEOUT_MILLIS}, or one that opens and
     * then stays silent for {@link #ANSWER_TIMEOUT_MILLIS}. A flush to such a collector would
     * wait out its whole bound. False when that cannot be told. Never throws.
     */
    static boolean stalls(Function<String, String> settings) {
        URI endpoint = endpointOrNull(settings);
        return endpoint != null && staysSilent(endpoint, CONNECT_TIMEOUT_MILLIS, ANSWER_TIMEOUT_MILLIS);
    }

    /** {@link #endpoint}, or null for a setting that is no URI: the probes run in the exit hook and must not throw. */
    private static URI endpointOrNull(Function<String, String> settings) {
        try {
            return endpoint(settings);
        } catch (RuntimeException notAUri) {
            return null;
        }
    }

    /** Whether a TCP connection to the endpoint's host and port opens within {@code timeoutMillis}. */
    static boolean acceptsConnections(URI endpoint, int timeoutMillis) {
        InetSocketAddress address = address(endpoint);
        if (address == null) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, timeoutMillis);
            return true;
        } catch (IOException | RuntimeException refusedOrUnknown) {
            return false;
        }
    }

    /** Whether the endpoint neither refuses, nor answers a request, nor closes within the timeouts. */
    static boolean staysSilent(URI endpoint, int connectMillis, int answerMillis) {
        InetSocketAddress address = address(endpoint);
        if (address == null) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, connectMillis);
            socket.setSoTimeout(answerMillis);
            OutputStream out = socket.getOutputStream();
            out.write(QUESTION);
            out.flush();
            socket.getInputStream().read(); // a byte or the end: either way it answers
            return false;
        } catch (SocketTimeoutException silent) { // connecting or reading
            return true;
        } catch (IOException | RuntimeException refusedResetOrUnknown) {
            return false;
        }
    }

    private static InetSocketAddress address(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null) {
            return null;
        }
        int port = endpoint.getPort() != -1 ? endpoint.getPort()
                : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
        try {
            return new InetSocketAddress(host, port);
        } catch (RuntimeException badPort) {
            return null;
        }
    }
}
