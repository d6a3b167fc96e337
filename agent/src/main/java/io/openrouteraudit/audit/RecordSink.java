package io.openrouteraudit.audit;

/** A destination for finished records: the journal, and later telemetry. */
public interface RecordSink {

    /** Takes one record on the thread that ended the exchange. May throw; the pipeline reports it. */
    void write(AuditRecord record) throws Exception;

    /** What the operator reads in a diagnostic line, e.g. "the journal in /var/audit". */
    default String description() {
        return getClass().getSimpleName();
    }
}
