package io.openrouteraudit.it;

import static io.openrouteraudit.it.ExportedSpans.assertDouble;
import static io.openrouteraudit.it.ExportedSpans.assertLong;
import static io.openrouteraudit.it.ExportedSpans.assertString;
import static io.openrouteraudit.it.ExportedSpans.attributes;
import static io.openrouteraudit.it.ExportedSpans.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.apps.ClientIdentity;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * OpenTelemetry export (SPEC §3, §6): TracedChatApp, a service with its own OpenTelemetry SDK,
 * asks the simulator through the JDK HttpClient with the agent attached and the agent's OTLP
 * exporter pointed at a local receiver that decodes the real protobuf. The receiver and the
 * simulator share 127.0.0.1, which is the audited host: the export traffic itself must not be
 * audited. The metrics' export interval is the SDK's default (60 s) and the span batch delay 5 s,
 * so what arrives from these short runs arrived through the flush at shutdown.
 */
class OtlpExportIT extends SimulatorPerClass {

    private static final String APP = "io.openrouteraudit.apps.TracedChatApp";

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void eachRecordIsOneChildSpanOfTheApplicationsSpanWithTheJournalsIdsMetricsAndAnAuditLogRecord(
            TestJdk jdk, @TempDir Path temp) {
        Path journalDir = temp.resolve("journal");
        try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Behaviour.ACCEPT)) {
            ForkedJvmResult run = app(jdk, journalDir, receiver.endpoint(), 2,
                    Map.of("otel.exporter.otlp.protocol", "http/protobuf", "otel.logs.exporter", "otlp",
                            "openrouter.audit.content", "redacted"));

            List<JsonNode> records = ExportedJournal.read(journalDir).records();
            assertEquals(2, records.size(), "one record per call, none for the export traffic: " + records);
            List<Span> spans = receiver.spans();
            assertEquals(2, spans.size(), "one span per record");
            Map<Integer, String[]> appSpans = appSpans(run.stdout());
            for (JsonNode record : records) {
                Span span = ExportedSpans.withId(spans, JsonFields.text(record, "span_id"));
                assertSpanMatchesRecord(span, record);
                assertEquals(JsonFields.text(record, "trace_id"), hex(span.getTraceId()));
                String parent = hex(span.getParentSpanId());
                String[] appSpan = appSpans.values().stream().filter(ids -> ids[1].equals(parent)).findFirst()
                        .orElseThrow(() -> new AssertionError("the span's parent " + parent
                                + " is none of the application's spans " + run.stdout()));
                assertEquals(appSpan[0], hex(span.getTraceId()), "the span is in the application's trace");
            }
            assertEquals("support-desk", receiver.serviceName(), "otel.service.name reaches the resource");
            assertTrue(receiver.received().stream().noneMatch(OtlpReceiver.Received::grpc), "http/protobuf only");

            assertMetrics(receiver.metrics());
            assertAuditLogRecords(receiver.logRecords(), records);

            Map<String, AnyValue> plain = attributes(spans.get(0).getAttributesList());
            String input = plain.get("gen_ai.input.messages").getStringValue();
            assertTrue(input.contains("\"role\":\"user\"") && input.contains("[EMAIL]"), input);
            assertTrue(plain.containsKey("langfuse.observation.input"), plain.keySet().toString());
            assertTrue(plain.get("gen_ai.output.messages").getStringValue().contains("\"role\":\"assistant\""));
            Secrets.assertAbsent("the exported OTLP bytes", receiver.allBytesAsText());
            Secrets.assertAbsent("the agent's stderr", run.stderr());
            System.out.println("[figure] " + jdk + ": OTLP bytes per call (protobuf, content=redacted): "
                    + bytesPerCall(receiver, "/v1/traces", records.size()) + " spans, "
                    + bytesPerCall(receiver, "/v1/logs", records.size()) + " log records, "
                    + bytesPerCall(receiver, "/v1/metrics", records.size()) + " metrics (one flush)");
        }
    }

    @Test
    void grpcCarriesTheSameSpansAsHttp(@TempDir Path temp) {
        Path journalDir = temp.resolve("journal");
        try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Behaviour.ACCEPT)) {
            app(TestJdk.values()[0], journalDir, receiver.endpoint(), 2,
                    Map.of("otel.exporter.otlp.protocol", "grpc", "otel.logs.exporter", "otlp"));

            List<JsonNode> records = ExportedJournal.read(journalDir).records();
            assertEquals(2, records.size(), records.toString());
            List<Span> spans = receiver.spans();
            assertEquals(2, spans.size());
            for (JsonNode record : records) {
                assertSpanMatchesRecord(ExportedSpans.withId(spans, JsonFields.text(record, "span_id")), record);
            }
            assertTrue(receiver.received().stream().allMatch(r -> r.grpc() && r.httpVersion().equals("HTTP/2.0")),
                    "every export was a gRPC call over HTTP/2");
            assertMetrics(receiver.metrics());
            assertEquals(2, receiver.logRecords().size());
        }
    }

    @Test
    void contentNoneExportsNoTextOfThePromptOrTheAnswer(@TempDir Path temp) {
        Path journalDir = temp.resolve("journal");
        try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Behaviour.ACCEPT)) {
            app(TestJdk.values()[0], journalDir, receiver.endpoint(), 2,
                    Map.of("otel.logs.exporter", "otlp", "openrouter.audit.content", "none"));

            List<Span> spans = receiver.spans();
            assertEquals(2, spans.size());
            for (Span span : spans) {
                Set<String> keys = attributes(span.getAttributesList()).keySet();
                assertFalse(keys.contains("gen_ai.input.messages") || keys.contains("gen_ai.output.messages")
                        || keys.contains("langfuse.observation.input") || keys.contains("langfuse.observation.output"),
                        keys.toString());
            }
            String exported = receiver.allBytesAsText();
            assertFalse(exported.contains("late delivery") || exported.contains("concise customer-support"),
                    "no prompt text leaves with content=none");
            assertFalse(exported.contains("[EMAIL]"), "not even redacted prompt text");
        }
    }

    @Test
    void tracesExporterNoneSendsNoSpansAndTheJournalHasNoSpanIds(@TempDir Path temp) {
        Path journalDir = temp.resolve("journal");
        try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Behaviour.ACCEPT)) {
            app(TestJdk.values()[0], journalDir, receiver.endpoint(), 2, Map.of("otel.traces.exporter", "none"));

            assertEquals(List.of(), receiver.spans());
            List<JsonNode> records = ExportedJournal.read(journalDir).records();
            assertEquals(2, records.size());
            for (JsonNode record : records) {
                assertEquals(null, JsonFields.text(record, "trace_id"));
                assertEquals(null, JsonFields.text(record, "span_id"));
            }
            assertMetrics(receiver.metrics());
        }
    }

    /**
     * An endpoint that is down, answers 500 or never answers: the application prints what it
     * prints without the agent and exits 0, every call is in the journal, and the agent says so
     * in at most a line or two of its own (no stack trace, no SDK log line).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Endpoint.class)
    void aBrokenEndpointLeavesTheApplicationAndTheJournalAlone(Endpoint endpoint, @TempDir Path temp)
            throws IOException {
        int calls = 20;
        long startedWithout = System.nanoTime();
        ForkedJvmResult without = ForkedJvm.mainClass(TestJdk.values()[0], classPath(), APP)
                .args(simulator.baseUrl(), Integer.toString(calls)).run().assertExitCode(0);
        long withoutMillis = (System.nanoTime() - startedWithout) / 1_000_000;
        Path journalDir = temp.resolve("journal");
        OtlpReceiver receiver = endpoint == Endpoint.DOWN ? null : OtlpReceiver.start(endpoint.behaviour);
        try {
            String url = receiver == null ? "http://127.0.0.1:" + closedPort() : receiver.endpoint();
            long started = System.nanoTime();
            ForkedJvmResult with = app(TestJdk.values()[0], journalDir, url, calls,
                    Map.of("otel.logs.exporter", "otlp", "otel.bsp.schedule.delay", "200"));
            long withMillis = (System.nanoTime() - started) / 1_000_000;

            assertEquals(withoutSpanLines(without.stdout()), withoutSpanLines(with.stdout()));
            assertEquals(calls, ExportedJournal.read(journalDir).records().size());
            List<String> lines = with.stderr().lines().toList();
            assertTrue(lines.size() <= 2, with.describe());
            lines.forEach(l -> assertTrue(l.startsWith("openrouter-audit: "), with.describe()));
            // Reported, not asserted: wall times on a shared machine are no pass/fail criterion.
            System.out.println("[figure] endpoint " + endpoint + ": " + calls + " calls, wall " + withoutMillis
                    + " ms without the agent, " + withMillis + " ms with it (stderr: " + lines + ")");
        } finally {
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    enum Endpoint {
        DOWN(null), FAILING(OtlpReceiver.Behaviour.FAIL), STALLED(OtlpReceiver.Behaviour.STALL);

        final OtlpReceiver.Behaviour behaviour;

        Endpoint(OtlpReceiver.Behaviour behaviour) {
            this.behaviour = behaviour;
        }
    }

    private static void assertSpanMatchesRecord(Span span, JsonNode record) {
        assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, span.getKind());
        assertEquals("chat " + JsonFields.text(record, "model_requested"), span.getName());
        assertEquals(Status.StatusCode.STATUS_CODE_UNSET, span.getStatus().getCode(), "a successful call");
        Map<String, AnyValue> a = attributes(span.getAttributesList());
        assertString(a, "gen_ai.operation.name", "chat");
        assertString(a, "gen_ai.provider.name", "openrouter");
        assertString(a, "gen_ai.request.model", JsonFields.text(record, "model_requested"));
        assertString(a, "gen_ai.response.model", JsonFields.text(record, "model_used"));
        assertString(a, "gen_ai.response.id", JsonFields.text(record, "generation_id"));
        assertEquals(JsonFields.text(record, "finish_reason"),
                a.get("gen_ai.response.finish_reasons").getArrayValue().getValues(0).getStringValue());
        assertLong(a, "gen_ai.usage.input_tokens", JsonFields.longValue(record, "prompt_tokens"));
        assertLong(a, "gen_ai.usage.output_tokens", JsonFields.longValue(record, "completion_tokens"));
        assertLong(a, "gen_ai.request.max_tokens", 64L);
        assertDouble(a, "gen_ai.request.temperature", 0.2);
        assertDouble(a, "gen_ai.request.top_p", 0.9);
        assertString(a, "server.address", AuditConfiguration.AUDITED_HOST);
        assertTrue(a.get("server.port").getIntValue() > 0);
        assertString(a, "http.request.method", "POST");
        assertLong(a, "http.response.status_code", JsonFields.longValue(record, "http_status"));
        assertString(a, "user.id", JsonFields.text(record, "user_id"));
        assertString(a, "langfuse.user.id", JsonFields.text(record, "user_id"));
        assertString(a, "openrouter.provider", JsonFields.text(record, "provider"));
        assertDouble(a, "openrouter.cost", JsonFields.decimal(record, "total_cost").doubleValue());
        assertDouble(a, "gen_ai.usage.cost", JsonFields.decimal(record, "total_cost").doubleValue());
        assertString(a, "openrouter.status", "success");
        assertString(a, "openrouter.prompt_hash", JsonFields.text(record, "prompt_hash"));
        assertString(a, "openrouter.key_fingerprint", JsonFields.text(record, "key_fingerprint"));
        assertEquals(JsonFields.bool(record, "stream"), a.get("openrouter.stream").getBoolValue());
        assertLong(a, "openrouter.ttft_ms", JsonFields.longValue(record, "ttft_ms"));
        assertFalse(a.containsKey("error.type"));
        Secrets.assertAbsent("span attributes", a.toString());
    }

    private static void assertMetrics(List<Metric> metrics) {
        Map<String, Metric> byName = new LinkedHashMap<>();
        metrics.forEach(m -> byName.putIfAbsent(m.getName(), m));
        Metric tokens = byName.get("gen_ai.client.token.usage");
        assertTrue(tokens != null, "token usage among " + byName.keySet());
        assertEquals("{token}", tokens.getUnit());
        assertEquals(List.of(1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0, 65536.0, 262144.0, 1048576.0,
                4194304.0, 16777216.0, 67108864.0), tokens.getHistogram().getDataPoints(0).getExplicitBoundsList());
        Set<String> tokenTypes = tokens.getHistogram().getDataPointsList().stream()
                .map(p -> attributes(p.getAttributesList()).get("gen_ai.token.type").getStringValue())
                .collect(Collectors.toSet());
        assertEquals(Set.of("input", "output"), tokenTypes);
        Metric duration = byName.get("gen_ai.client.operation.duration");
        assertTrue(duration != null, "duration among " + byName.keySet());
        assertEquals("s", duration.getUnit());
        assertEquals(0.01, duration.getHistogram().getDataPoints(0).getExplicitBounds(0));
        Map<String, AnyValue> point = attributes(duration.getHistogram().getDataPoints(0).getAttributesList());
        assertString(point, "gen_ai.provider.name", "openrouter");
        assertString(point, "openrouter.status", "success");
        assertTrue(point.containsKey("gen_ai.request.model") && point.containsKey("openrouter.provider"),
                point.keySet().toString());
        assertTrue(byName.containsKey("gen_ai.client.operation.time_to_first_chunk"), "ttfc of the streamed call");
        Metric cost = byName.get("openrouter.client.cost");
        assertTrue(cost != null, "cost among " + byName.keySet());
        assertEquals("USD", cost.getUnit());
        assertTrue(cost.getSum().getDataPoints(0).getAsDouble() > 0);
    }

    private static void assertAuditLogRecords(List<LogRecord> logs, List<JsonNode> records) {
        assertEquals(records.size(), logs.size());
        for (JsonNode record : records) {
            String spanId = JsonFields.text(record, "span_id");
            LogRecord log = logs.stream().filter(l -> hex(l.getSpanId()).equals(spanId)).findFirst()
                    .orElseThrow(() -> new AssertionError("no log record for span " + spanId));
            assertEquals("openrouter.audit", log.getEventName());
            assertEquals(JsonFields.text(record, "trace_id"), hex(log.getTraceId()));
            assertString(attributes(log.getAttributesList()), "gen_ai.response.id",
                    JsonFields.text(record, "generation_id"));
        }
    }

    private static long bytesPerCall(OtlpReceiver receiver, String path, int calls) {
        return receiver.received().stream().filter(r -> r.path().equals(path))
                .mapToLong(r -> r.message().length).sum() / calls;
    }

    private ForkedJvmResult app(TestJdk jdk, Path journalDir, String endpoint, int calls, Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>(AuditConfiguration.systemProperties(journalDir));
        properties.put("openrouter.audit.otel.enabled", "true");
        properties.put("otel.exporter.otlp.endpoint", endpoint);
        properties.put("otel.service.name", "support-desk");
        properties.putAll(extra);
        return ForkedJvm.mainClass(jdk, classPath(), APP)
                .javaAgent(AgentJar.require())
                .systemProperties(properties)
                .environment("OTEL_EXPORTER_OTLP_ENDPOINT", null)
                .environment("OTEL_TRACES_EXPORTER", null)
                .args(simulator.baseUrl(), Integer.toString(calls))
                .run()
                .assertExitCode(0);
    }

    /** The application's ticket spans from its output: ticket number to {trace id, span id}. */
    private static Map<Integer, String[]> appSpans(String stdout) {
        Map<Integer, String[]> spans = new LinkedHashMap<>();
        stdout.lines().filter(l -> l.startsWith("span ")).forEach(l -> {
            String[] parts = l.split(" ");
            spans.put(Integer.parseInt(parts[1]), new String[] {parts[2], parts[3]});
        });
        return spans;
    }

    private static String withoutSpanLines(String stdout) {
        return stdout.lines().filter(l -> !l.startsWith("span ")).collect(Collectors.joining("\n"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String classPath() {
        Path sdkLibs = Path.of(System.getProperty("app.otel.sdk.libs.dir"));
        try (Stream<Path> jars = Files.list(sdkLibs)) {
            return AppClassPath.apps() + File.pathSeparator + System.getProperty("otel.app.classes")
                    + File.pathSeparator + jars.filter(p -> p.toString().endsWith(".jar")).sorted()
                    .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + sdkLibs, e);
        }
    }
}
