package io.openrouteraudit.audit;

import io.openrouteraudit.capture.Exchange;

/**
 * The destination that turns records into spans: it names a record's span before the journal
 * writes it (so the journal carries the span's ids), and takes the record once written.
 */
public interface TelemetrySink {

    /**
     * The record with the {@code trace_id} and {@code span_id} its span will have, or the record
     * unchanged when no span will be exported. Runs on the application's thread: ids only.
     */
    AuditRecord identify(AuditRecord record, Exchange exchange);

    /** Hands the record over for export: an enqueue that never blocks and never throws. */
    void submit(AuditRecord record, Exchange exchange);
}
