package io.openrouteraudit.telemetry;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.capture.CallerSpan;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/** One record to its span, its metrics and its {@code openrouter.audit} log record, on the export thread. */
final class RecordTelemetry {

    static final String SCOPE = "io.openrouteraudit";
    static final String EVENT_NAME = "openrouter.audit";
    static final String POLICY_EVENT = "openrouter.policy.violation";
    static final AttributeKey<String> POLICY_RULE = AttributeKey.stringKey("openrouter.policy.rule");
    static final AttributeKey<String> POLICY_OUTCOME = AttributeKey.stringKey("openrouter.policy.outcome");

    private final Tracer tracer;
    private final GenAiMetrics metrics;
    private final Logger logger;
    private final PresetIdGenerator ids;

    RecordTelemetry(OpenTelemetry sdk, PresetIdGenerator ids, String version) {
        this.tracer = sdk.getTracerProvider().tracerBuilder(SCOPE).setInstrumentationVersion(version).build();
        this.metrics = new GenAiMetrics(sdk.getMeterProvider().meterBuilder(SCOPE)
                .setInstrumentationVersion(version).build());
        this.logger = sdk.getLogsBridge().loggerBuilder(SCOPE).setInstrumentationVersion(version).build();
        this.ids = ids;
    }

    void export(ExportJob job) {
        AuditRecord r = job.record();
        Attributes attributes = GenAiAttributes.span(job);
        Span span = span(job, attributes);
        metrics.record(job);
        logger.logRecordBuilder()
                .setEventName(EVENT_NAME)
                .setTimestamp(job.startEpochNanos() + job.durationNanos(), TimeUnit.NANOSECONDS)
                .setContext(span == null ? Context.root() : Context.root().with(span))
                .setSeverity(GenAiAttributes.isFailure(r) ? Severity.WARN : Severity.INFO)
                .setBody(GenAiOperation.spanName(GenAiOperation.of(r.endpoint()), r.modelRequested())
                        + " " + r.status())
                .setAllAttributes(attributes)
                .emit();
    }

    /** The span, with the ids the journal already holds; {@code null} when the record has none. */
    private Span span(ExportJob job, Attributes attributes) {
        AuditRecord r = job.record();
        if (r.traceId() == null || r.spanId() == null) {
            return null;
        }
        String operation = GenAiOperation.of(r.endpoint());
        var builder = tracer.spanBuilder(GenAiOperation.spanName(operation, r.modelRequested()))
                .setSpanKind(SpanKind.CLIENT)
                .setStartTimestamp(job.startEpochNanos(), TimeUnit.NANOSECONDS)
                .setAllAttributes(attributes);
        CallerSpan parent = job.parent();
        if (parent == null) {
            builder.setParent(Context.root());
        } else {
            builder.setParent(Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(
                    parent.traceId(), parent.spanId(),
                    parent.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(),
                    TraceState.getDefault()))));
        }
        Span span;
        ids.preset(r.traceId(), r.spanId());
        try {
            span = builder.startSpan();
        } finally {
            ids.clear();
        }
        for (String rule : r.policyViolations()) {
            // One event per broken rule, on the call's timeline: the provider is known at the
            // end, every other rule when the request left.
            long at = "provider".equals(rule) ? job.startEpochNanos() + job.durationNanos() : job.startEpochNanos();
            span.addEvent(POLICY_EVENT, Attributes.of(POLICY_RULE, rule, POLICY_OUTCOME,
                    "blocked".equals(r.status()) ? "blocked" : "flagged"), at, TimeUnit.NANOSECONDS);
        }
        if (GenAiAttributes.isFailure(r)) {
            span.setStatus(StatusCode.ERROR, r.errorCode() == null ? r.status() : r.errorCode());
        }
        span.end(job.startEpochNanos() + job.durationNanos(), TimeUnit.NANOSECONDS);
        return span;
    }
}
