package io.openrouteraudit.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportSignalsTest {

    @Test
    void spansAreExportedUnlessTheTracesExporterIsNoneOrTheSdkIsDisabled() {
        assertTrue(ExportSignals.tracesExported(Map.<String, String>of()::get));
        assertTrue(ExportSignals.tracesExported(Map.of("otel.traces.exporter", "otlp,console")::get));
        assertFalse(ExportSignals.tracesExported(Map.of("otel.traces.exporter", " none ")::get));
        assertFalse(ExportSignals.tracesExported(Map.of("otel.sdk.disabled", "true")::get));
    }

    @Test
    void anSdkIsOnlyWorthStartingWhenSomeSignalLeaves() {
        assertTrue(ExportSignals.anythingExported(Map.<String, String>of()::get), "traces and metrics by default");
        Map<String, String> allNone = Map.of("otel.traces.exporter", "none", "otel.metrics.exporter", "NONE ");
        assertFalse(ExportSignals.anythingExported(allNone::get), "logs are off by the agent's default");
        assertFalse(ExportSignals.anythingExported(Map.of("otel.traces.exporter", "none",
                "otel.metrics.exporter", "none", "otel.logs.exporter", "none")::get));
        assertTrue(ExportSignals.anythingExported(Map.of("otel.traces.exporter", "none",
                "otel.metrics.exporter", "none", "otel.logs.exporter", "otlp")::get));
        assertTrue(ExportSignals.anythingExported(Map.of("otel.traces.exporter", "none",
                "otel.metrics.exporter", "otlp")::get));
        assertFalse(ExportSignals.anythingExported(Map.of("otel.sdk.disabled", "true")::get));
    }

    @Test
    void auditLogRecordsAndGrpcAreOnlyUsedWhenAskedFor() {
        assertEquals(Map.of("otel.logs.exporter", "none", "otel.exporter.otlp.protocol", "http/protobuf"),
                ExportSignals.sdkDefaults(Map.<String, String>of()::get));
        assertEquals(Map.of(), ExportSignals.sdkDefaults(
                Map.of("otel.logs.exporter", "otlp", "otel.exporter.otlp.protocol", "grpc")::get));
    }

    @Test
    void madeIdsAreValidW3cIds() {
        for (int i = 0; i < 100; i++) {
            assertTrue(SpanIds.isTraceId(SpanIds.newTraceId()));
            assertTrue(SpanIds.isSpanId(SpanIds.newSpanId()));
        }
        assertFalse(SpanIds.isSpanId("0000000000000000"));
        assertFalse(SpanIds.isTraceId("0AF7651916CD43DD8448EB211C80319C"));
    }
}
