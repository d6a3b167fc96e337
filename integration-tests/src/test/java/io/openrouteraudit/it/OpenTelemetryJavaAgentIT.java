package io.openrouteraudit.it;

import static io.openrouteraudit.it.ExportedSpans.attributes;
import static io.openrouteraudit.it.ExportedSpans.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beside the OpenTelemetry Java agent, on an application with no OpenTelemetry API of its own
 * (the sample chat app on the JDK HttpClient): the application behaves as with that agent
 * alone, our span is the child of the span that agent has current while the JDK client sends
 * (its HTTP client span), in the same trace, and that agent's own exporter traffic, although
 * to an audited host, is not audited. Both agents read the same {@code otel.*} settings and
 * export to one local receiver.
 */
class OpenTelemetryJavaAgentIT extends SimulatorPerClass {

    private static final String APP = "io.openrouteraudit.apps.SampleChatApp";

    @Test
    void ourSpanIsAChildOfTheOpenTelemetryAgentsSpanAndItsExportIsNotAudited(@TempDir Path temp) {
        Path journalDir = temp.resolve("journal");
        ForkedJvmResult alone;
        try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Behaviour.ACCEPT)) {
            alone = app(temp.resolve("unused"), receiver.endpoint(), false);
        }
        try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Behaviour.ACCEPT)) {
            ForkedJvmResult both = app(journalDir, receiver.endpoint(), true);
            assertEquals(alone.stdout(), both.stdout(), "the application's output with both agents");

            List<JsonNode> records = ExportedJournal.read(journalDir).records();
            assertEquals(2, records.size(), "the two chat calls, and nothing of either agent's export: " + records);
            List<Span> spans = receiver.spans();
            for (JsonNode record : records) {
                Span ours = ExportedSpans.withId(spans, JsonFields.text(record, "span_id"));
                String parentId = hex(ours.getParentSpanId());
                Span parent = spans.stream().filter(s -> hex(s.getSpanId()).equals(parentId)).findFirst()
                        .orElseThrow(() -> new AssertionError("no exported span is the parent " + parentId
                                + " of ours; spans: " + names(spans)));
                assertEquals(hex(parent.getTraceId()), JsonFields.text(record, "trace_id"), "one trace");
                assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, parent.getKind(), "the agent's HTTP client span");
                assertTrue(attributes(parent.getAttributesList()).containsKey("http.request.method"),
                        "the parent is the OpenTelemetry agent's HTTP span: " + parent.getName());
            }
        }
    }

    private ForkedJvmResult app(Path journalDir, String endpoint, boolean withOurs) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (withOurs) {
            properties.putAll(AuditConfiguration.systemProperties(journalDir));
            properties.put("openrouter.audit.otel.enabled", "true");
        }
        properties.put("otel.exporter.otlp.endpoint", endpoint);
        properties.put("otel.exporter.otlp.protocol", "http/protobuf");
        properties.put("otel.metrics.exporter", "none");
        properties.put("otel.logs.exporter", "none");
        properties.put("otel.service.name", "chat-with-two-agents");
        ForkedJvm jvm = ForkedJvm.mainClass(TestJdk.values()[0], AppClassPath.apps(), APP)
                .jvmOption("-javaagent:" + openTelemetryJavaAgent());
        if (withOurs) {
            jvm = jvm.jvmOption("-javaagent:" + AgentJar.require());
        }
        return jvm.systemProperties(properties)
                .environment("OTEL_EXPORTER_OTLP_ENDPOINT", null)
                .environment("OTEL_TRACES_EXPORTER", null)
                .args(simulator.baseUrl())
                .run()
                .assertExitCode(0);
    }

    private static Path openTelemetryJavaAgent() {
        Path jar = Path.of(System.getProperty("otel.javaagent.jar", "target/opentelemetry-javaagent/opentelemetry-javaagent.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the OpenTelemetry Java agent is not at " + jar + " (run mvn verify)");
        }
        return jar;
    }

    private static String names(List<Span> spans) {
        return spans.stream().map(s -> s.getName() + "/" + hex(s.getSpanId()) + "<-" + hex(s.getParentSpanId()))
                .collect(Collectors.joining(", "));
    }
}
