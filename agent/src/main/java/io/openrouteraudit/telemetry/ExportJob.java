package io.openrouteraudit.telemetry;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.capture.CallerSpan;

/**
 * What the export thread needs of one exchange: the record (already carrying its span's ids) and
 * the few facts of the exchange the record leaves out. Holds no body bytes.
 *
 * @param parent         the application's span on the calling thread, or {@code null}
 * @param startEpochNanos when the request started
 * @param durationNanos  request start to the end of the exchange
 */
record ExportJob(AuditRecord record, CallerSpan parent, String serverAddress, int serverPort,
                 long startEpochNanos, long durationNanos) {
}
