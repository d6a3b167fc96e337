package io.openrouteraudit.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectorProbeTest {

    @Test
    void theTracesEndpointWinsOverTheCommonOneWhichWinsOverTheProtocolsDefault() {
        assertEquals(URI.create("http://traces:1234/v1/traces"), CollectorProbe.endpoint(Map.of(
                "otel.exporter.otlp.traces.endpoint", "http://traces:1234/v1/traces",
                "otel.exporter.otlp.endpoint", "http://common:4318")::get));
        assertEquals(URI.create("http://common:4318"), CollectorProbe.endpoint(Map.of(
                "otel.exporter.otlp.endpoint", " http://common:4318 ")::get));
        assertEquals(URI.create("http://localhost:4318"), CollectorProbe.endpoint(Map.<String, String>of()::get));
        assertEquals(URI.create("http://localhost:4317"), CollectorProbe.endpoint(Map.of(
                "otel.exporter.otlp.protocol", "grpc")::get));
        assertEquals(URI.create("http://localhost:4317"), CollectorProbe.endpoint(Map.of(
                "otel.exporter.otlp.protocol", "http/protobuf", "otel.exporter.otlp.traces.protocol", "grpc")::get));
    }

    @Test
    void aListeningCollectorAcceptsAndAClosedPortRefuses() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        int closedPort;
        try (ServerSocket listening = new ServerSocket(0, 1, loopback)) {
            assertTrue(CollectorProbe.acceptsConnections(
                    URI.create("http://127.0.0.1:" + listening.getLocalPort()), 2_000));
            closedPort = listening.getLocalPort();
        }
        assertFalse(CollectorProbe.acceptsConnections(URI.create("http://127.0.0.1:" + closedPort), 2_000));
    }

    @Test
    void onlyAnEndpointThatSurelyRefusesCutsTheFlushShort() throws IOException {
        int closedPort = closedLoopbackPort();
        assertTrue(CollectorProbe.refuses(Map.of("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + closedPort)::get));
        assertFalse(CollectorProbe.refuses(Map.of("otel.exporter.otlp.endpoint", "http://[not a uri")::get),
                "a setting that is no URI keeps the whole bound, and throws nothing into the exit hook");
    }

    @Test
    void aCollectorThatAcceptsAndSaysNothingStalls() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            // The backlog accepts the connection; nobody ever reads, writes or closes it.
            URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            assertTrue(CollectorProbe.staysSilent(endpoint, 2_000, 300));
        }
    }

    @Test
    void aCollectorThatAnswersOrClosesDoesNotStall() throws Exception {
        for (boolean answer : new boolean[] {true, false}) {
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                Thread responder = new Thread(() -> {
                    try (Socket accepted = server.accept()) {
                        if (answer) {
                            accepted.getOutputStream().write("HTTP/1.1 404 Not Found\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    } catch (IOException ignored) {
                        // the probe's side of the test reports what matters
                    }
                });
                responder.start();
                URI endpoint = URI.create("http://127.0.0.1:" + server.getLocalPort());
                assertFalse(CollectorProbe.staysSilent(endpoint, 2_000, 5_000), answer ? "answered" : "closed");
                responder.join(10_000);
            }
        }
    }

    @Test
    void aRefusingOrMisconfiguredEndpointIsNotTakenForStalled() throws IOException {
        int closedPort = closedLoopbackPort();
        assertFalse(CollectorProbe.stalls(Map.of("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + closedPort)::get));
        assertFalse(CollectorProbe.stalls(Map.of("otel.exporter.otlp.endpoint", "http://[not a uri")::get));
    }

    @Test
    void anEndpointWithoutAHostIsNotTakenForAnswering() {
        assertFalse(CollectorProbe.acceptsConnections(URI.create("file:///tmp/collector"), 2_000));
    }

    /** A loopback port that was just listening and is closed now, so a connection to it is refused. */
    private static int closedLoopbackPort() throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return listening.getLocalPort();
        }
    }
}
