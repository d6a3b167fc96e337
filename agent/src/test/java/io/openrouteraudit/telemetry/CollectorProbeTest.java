package io.openrouteraudit.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
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
        int closedPort;
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = listening.getLocalPort();
        }
        assertTrue(CollectorProbe.refuses(Map.of("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + closedPort)::get));
        assertFalse(CollectorProbe.refuses(Map.of("otel.exporter.otlp.endpoint", "http://[not a uri")::get),
                "a setting that is no URI keeps the whole bound, and throws nothing into the exit hook");
    }

    @Test
    void anEndpointWithoutAHostIsNotTakenForAnswering() {
        assertFalse(CollectorProbe.acceptsConnections(URI.create("file:///tmp/collector"), 2_000));
    }
}
