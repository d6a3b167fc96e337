package io.openrouteraudit.telemetry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.function.Function;

/**
 * Whether the OTLP endpoint takes connections at all, asked once at exit before the flush. With
 * no collector running (the default {@code localhost:4318} on a developer's machine) the SDK
 * would only retry until the flush bound ran out, holding the application's exit for nothing.
 */
final class CollectorProbe {

    static final int CONNECT_TIMEOUT_MILLIS = 300;

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
        URI endpoint;
        try {
            endpoint = endpoint(settings);
        } catch (RuntimeException notAUri) {
            return false;
        }
        return !acceptsConnections(endpoint, CONNECT_TIMEOUT_MILLIS);
    }

    /** Whether a TCP connection to the endpoint's host and port opens within {@code timeoutMillis}. */
    static boolean acceptsConnections(URI endpoint, int timeoutMillis) {
        String host = endpoint.getHost();
        if (host == null) {
            return false;
        }
        int port = endpoint.getPort() != -1 ? endpoint.getPort()
                : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException | RuntimeException refusedOrUnknown) {
            return false;
        }
    }
}
