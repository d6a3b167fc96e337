package io.openrouteraudit.telemetry;

import static io.openrouteraudit.telemetry.GenAiAttributesTest.job;
import static io.openrouteraudit.telemetry.GenAiAttributesTest.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The span a record becomes: its policy violations as an attribute and one event per broken rule. */
class RecordTelemetryPolicyTest {

    private static final AttributeKey<List<String>> VIOLATIONS = AttributeKey.stringArrayKey("openrouter.policy.violations");
    private static final AttributeKey<String> RULE = AttributeKey.stringKey("openrouter.policy.rule");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("openrouter.policy.outcome");

    /** Keeps every exported span in memory. */
    private static final class InMemorySpans implements SpanExporter {
        final List<SpanData> spans = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    private final InMemorySpans exported = new InMemorySpans();
    private final PresetIdGenerator ids = new PresetIdGenerator();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .setIdGenerator(ids)
                    .addSpanProcessor(SimpleSpanProcessor.create(exported))
                    .build())
            .build();
    private final RecordTelemetry telemetry = new RecordTelemetry(sdk, ids, "test");

    @AfterEach
    void closeSdk() {
        sdk.close();
    }

    private SpanData exportedSpanOf(ExportJob job) {
        telemetry.export(job);
        assertEquals(1, exported.spans.size());
        return exported.spans.get(0);
    }

    private static List<String> rulesOf(List<EventData> events) {
        List<String> rules = new ArrayList<>();
        for (EventData event : events) {
            assertEquals("openrouter.policy.violation", event.getName());
            rules.add(event.getAttributes().get(RULE));
        }
        return rules;
    }

    @Test
    void aFlaggedCallHasTheAttributeAndOneEventPerRule() {
        ExportJob job = job(record("success", 200, null, null, null, List.of("model", "provider", "no-free")));

        SpanData span = exportedSpanOf(job);

        assertEquals("0af7651916cd43dd8448eb211c80319c", span.getTraceId(), "the journal's ids");
        assertEquals(List.of("model", "provider", "no-free"), span.getAttributes().get(VIOLATIONS));
        assertEquals(List.of("model", "provider", "no-free"), rulesOf(span.getEvents()));
        for (EventData event : span.getEvents()) {
            assertEquals("flagged", event.getAttributes().get(OUTCOME), event.toString());
        }
    }

    @Test
    void eachEventSitsWhereItsRuleBecameKnown() {
        ExportJob job = job(record("success", 200, null, null, null, List.of("max-tokens", "provider")));

        SpanData span = exportedSpanOf(job);

        long start = job.startEpochNanos();
        long end = job.startEpochNanos() + job.durationNanos();
        assertEquals(start, span.getStartEpochNanos());
        assertEquals(end, span.getEndEpochNanos());
        assertEquals(List.of("max-tokens", "provider"), rulesOf(span.getEvents()));
        assertEquals(start, span.getEvents().get(0).getEpochNanos(), "a request rule is known when the call starts");
        assertEquals(end, span.getEvents().get(1).getEpochNanos(), "the provider only from the response");
    }

    @Test
    void aBlockedCallsEventsSayBlocked() {
        SpanData span = exportedSpanOf(job(record("blocked", null, null, null, null, List.of("max-tokens", "budget"))));

        assertEquals(List.of("max-tokens", "budget"), span.getAttributes().get(VIOLATIONS));
        assertEquals(List.of("max-tokens", "budget"), rulesOf(span.getEvents()));
        for (EventData event : span.getEvents()) {
            assertEquals("blocked", event.getAttributes().get(OUTCOME), event.toString());
        }
        assertEquals(io.opentelemetry.api.trace.StatusCode.ERROR, span.getStatus().getStatusCode());
    }

    @Test
    void aCallThatBrokeNothingHasNeitherAttributeNorEvent() {
        SpanData span = exportedSpanOf(job(record("success", 200, null, null, null)));

        assertNull(span.getAttributes().get(VIOLATIONS));
        assertEquals(List.of(), span.getEvents());
    }
}
