package io.openrouteraudit.telemetry;

import io.opentelemetry.sdk.trace.IdGenerator;

/**
 * Gives the SDK the ids the journal already holds: the record is written (with its span's ids)
 * on the application's thread before the span is built on the export thread. The export thread
 * sets the ids just before it starts each span.
 */
final class PresetIdGenerator implements IdGenerator {

    private final ThreadLocal<String[]> next = new ThreadLocal<>();

    void preset(String traceId, String spanId) {
        next.set(new String[] {traceId, spanId});
    }

    void clear() {
        next.remove();
    }

    @Override
    public String generateSpanId() {
        String[] ids = next.get();
        return ids == null ? SpanIds.newSpanId() : ids[1];
    }

    @Override
    public String generateTraceId() {
        String[] ids = next.get();
        return ids == null ? SpanIds.newTraceId() : ids[0];
    }
}
