package io.openrouteraudit.it;

import static io.openrouteraudit.it.ExportedSpans.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.apps.ClassPathClashApp;
import io.openrouteraudit.sim.RecordedExchange;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Applications with their own Jackson 2.9, Byte Buddy 1.10, SLF4J 1.7 — and, calling through
 * OkHttp, a binding for SLF4J and the OpenTelemetry API and SDK 1.0 — keep seeing exactly those
 * with the agent attached (which carries newer versions of them inside), print and send the same
 * bytes, and are audited.
 */
class ClassPathClashIT extends SimulatorPerClass {

    /** Each line the app prints about a class must name the application's own jar. */
    private static final List<String> OWN_JARS = List.of(
            "com.fasterxml.jackson.core.JsonFactory from jackson-core-2.9.",
            "com.fasterxml.jackson.databind.ObjectMapper from jackson-databind-2.9.",
            "net.bytebuddy.ByteBuddy from byte-buddy-1.10.",
            "org.slf4j.Logger from slf4j-api-1.7.");

    private final AgentComparison comparison = new AgentComparison(simulator);

    /** Each line ClassPathClashOkHttpApp prints about a class must name the application's own jar. */
    private static final List<String> OKHTTP_APP_OWN_JARS = List.of(
            "com.fasterxml.jackson.databind.ObjectMapper from jackson-databind-2.9.",
            "net.bytebuddy.ByteBuddy from byte-buddy-1.10.",
            "org.slf4j.Logger from slf4j-api-1.7.",
            "org.slf4j.impl.SimpleLogger from slf4j-simple-1.7.",
            "io.opentelemetry.api.GlobalOpenTelemetry from opentelemetry-api-1.0.0.jar",
            "io.opentelemetry.sdk.OpenTelemetrySdk from opentelemetry-sdk-1.0.0.jar",
            "okhttp3.OkHttpClient from okhttp-4.");
    private static final String OKHTTP_APP = "io.openrouteraudit.apps.ClassPathClashOkHttpApp";
    private static final String EXECUTE_LABEL = "clash-okhttp-execute";
    private static final String ENQUEUE_LABEL = "clash-okhttp-enqueue";

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void applicationKeepsItsOwnJacksonByteBuddyAndSlf4j(TestJdk jdk, @TempDir Path temp) {
        ComparedRuns runs = comparison.run(jdk, temp.resolve("journal"), AppClassPath.clashApp(),
                ClassPathClashApp.class, List.of(simulator.baseUrl()));

        runs.assertApplicationUnchanged();
        List<String> lines = runs.withAgent().process().stdoutLines();
        for (String ownJar : OWN_JARS) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(ownJar)),
                    () -> "expected a line starting with \"" + ownJar + "\" in\n" + String.join("\n", lines));
        }
        assertTrue(lines.contains("byte buddy made: a class generated at run time"), String.join("\n", lines));
        assertEquals(1, runs.withAgent().auditedExchanges().size());

        ExportedJournal.read(runs.journalDir())
                .assertWellFormed(JdkClientAppAudit.CLIENT)
                .assertOneRecordPerExchange(runs.withAgent().auditedExchanges(), JdkClientAppAudit.EXPECTATIONS)
                .assertNoSecrets(runs.withAgent().process());
    }

    /**
     * The OkHttp application with the oldest OpenTelemetry API (1.0) and its own SDK: the agent,
     * which reads the application's current span through that API by reflection, parents its span
     * of the {@code execute()} call, made on the thread where the application's span is current,
     * to that span. The {@code enqueue()}d call runs on OkHttp's dispatcher thread, where the
     * application's span is not current (the application does not carry its context there, see
     * the callback's line): its span degrades to a root of a trace of its own, and its record is
     * as complete as the other's.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void okHttpApplicationWithOpenTelemetry10KeepsItsLibrariesAndItsSpanParentsTheAgentsSpan(
            TestJdk jdk, @TempDir Path temp) throws IOException {
        Path journalDir = temp.resolve("journal");
        try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Behaviour.ACCEPT)) {
            Map<String, String> properties = new LinkedHashMap<>(AuditConfiguration.systemProperties(journalDir));
            properties.put("openrouter.audit.otel.enabled", "true");
            properties.put("otel.exporter.otlp.endpoint", receiver.endpoint());
            properties.put("otel.exporter.otlp.protocol", "http/protobuf");
            properties.put("otel.bsp.schedule.delay", "100");
            properties.put("otel.metrics.exporter", "none");
            // The app exits right after its calls; at exit the agent gives its export a second,
            // which a loaded machine may not honour. So the run with the agent is held open (the
            // app waits for a file, silently) until the spans are in, or a minute has passed.
            Path released = Files.createFile(temp.resolve("released"));
            Path releasedWhenSpansArrived = temp.resolve("released-when-spans-arrived");
            ComparedRuns runs = comparison.run(journalDir, properties,
                    withAgent -> ForkedJvm.mainClass(jdk, AppClassPath.clashOkHttpApp(), OKHTTP_APP)
                            .environment("OTEL_EXPORTER_OTLP_ENDPOINT", null)
                            .environment("OTEL_TRACES_EXPORTER", null)
                            .args(simulator.baseUrl(), (withAgent ? releasedWhenSpansArrived : released).toString()),
                    () -> releaseWhen(() -> receiver.spans().size() >= 2, releasedWhenSpansArrived));

            runs.assertApplicationUnchanged();
            // On JDK 24+ the JVM warns once about Chronicle's use of sun.misc.Unsafe: its line, not the agent's.
            assertEquals(runs.withoutAgent().process().stderr(),
                    JvmWarnings.withoutAgentsUnsafeWarning(runs.withAgent().process().stderr(), AgentJar.require()),
                    "the application's stderr with the agent attached");
            List<String> lines = runs.withAgent().process().stdoutLines();
            for (String ownJar : OKHTTP_APP_OWN_JARS) {
                assertTrue(lines.stream().anyMatch(line -> line.startsWith(ownJar)),
                        () -> "expected a line starting with \"" + ownJar + "\" in\n" + String.join("\n", lines));
            }
            assertTrue(lines.contains("[main] INFO io.openrouteraudit.apps.ClassPathClashOkHttpApp - starting with"
                    + " org.slf4j.impl.SimpleLogger as its SLF4J binding"), String.join("\n", lines));
            assertTrue(lines.contains("byte buddy made: a class generated at run time"), String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(ENQUEUE_LABEL + ": status 200 ")
                    && l.endsWith("; app span current in the callback: false")), String.join("\n", lines));

            List<RecordedExchange> audited = runs.withAgent().auditedExchanges();
            assertEquals(List.of(EXECUTE_LABEL, ENQUEUE_LABEL), audited.stream().map(RecordPairing::label).toList());
            ExportedJournal journal = ExportedJournal.read(journalDir)
                    .assertWellFormed(OkHttpClientAppIT.CLIENT)
                    .assertOneRecordPerExchange(audited, OkHttpClientAppIT.EXPECTATIONS)
                    .assertNoSecrets(runs.withAgent().process());

            Map<String, String[]> appSpans = appSpans(lines);
            List<Span> spans = receiver.spans();
            assertEquals(2, spans.size(), "one span per record");
            Span executed = spanOf(journal, spans, audited.get(0));
            assertEquals(appSpans.get(EXECUTE_LABEL)[0], hex(executed.getTraceId()), "in the application's trace");
            assertEquals(appSpans.get(EXECUTE_LABEL)[1], hex(executed.getParentSpanId()),
                    "the child of the application's span");
            Span enqueued = spanOf(journal, spans, audited.get(1));
            assertTrue(enqueued.getParentSpanId().isEmpty(), "a root span: " + hex(enqueued.getParentSpanId()));
            assertNotEquals(appSpans.get(ENQUEUE_LABEL)[0], hex(enqueued.getTraceId()), "a trace of its own");
        }
    }

    /** Creates {@code file} once {@code condition} holds, or after a minute: the test goes on either way. */
    static void releaseWhen(BooleanSupplier condition, Path file) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        try {
            while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.createFile(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The exported span of the exchange's record, whose trace id the record names too. */
    private static Span spanOf(ExportedJournal journal, List<Span> spans, RecordedExchange exchange) {
        JsonNode record = journal.recordFor(exchange);
        Span span = ExportedSpans.withId(spans, JsonFields.text(record, "span_id"));
        assertEquals(JsonFields.text(record, "trace_id"), hex(span.getTraceId()), record::toString);
        return span;
    }

    /** {@code span <label> <trace id> <span id>} lines: label to {trace id, span id}. */
    private static Map<String, String[]> appSpans(List<String> lines) {
        Map<String, String[]> spans = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            if (parts.length == 4 && parts[0].equals("span")) {
                spans.put(parts[1], new String[] {parts[2], parts[3]});
            }
        }
        assertEquals(List.of(EXECUTE_LABEL, ENQUEUE_LABEL), List.copyOf(spans.keySet()), "test design: " + lines);
        return spans;
    }
}
