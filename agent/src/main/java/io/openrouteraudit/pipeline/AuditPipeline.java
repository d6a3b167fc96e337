package io.openrouteraudit.pipeline;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.audit.RecordAssembler;
import io.openrouteraudit.audit.RecordSink;
import io.openrouteraudit.audit.TelemetrySink;
import io.openrouteraudit.capture.Exchange;
import io.openrouteraudit.capture.ExchangeSink;
import io.openrouteraudit.diag.AgentLog;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Exchange in, record out to every sink, on the thread that ended the exchange. A failing sink
 * is reported once and never reaches the application.
 */
public final class AuditPipeline implements ExchangeSink {

    private final RecordAssembler assembler;
    private final List<RecordSink> sinks;
    private final TelemetrySink telemetry;
    private final BooleanSupplier admission;
    private final AgentLog log;

    /**
     * @param admission answers {@link #canRecord()}: always true with {@code fail-mode=open},
     *                  the journal's health with {@code closed}
     */
    public AuditPipeline(RecordAssembler assembler, List<RecordSink> sinks, BooleanSupplier admission, AgentLog log) {
        this(assembler, sinks, null, admission, log);
    }

    /**
     * @param telemetry names each record's span before the sinks write it and takes the record
     *                  after them; {@code null} for none
     */
    public AuditPipeline(RecordAssembler assembler, List<RecordSink> sinks, TelemetrySink telemetry,
                         BooleanSupplier admission, AgentLog log) {
        this.assembler = assembler;
        this.sinks = List.copyOf(sinks);
        this.telemetry = telemetry;
        this.admission = admission;
        this.log = log;
    }

    @Override
    public void accept(Exchange exchange) {
        AuditRecord record;
        try {
            record = assembler.assemble(exchange);
        } catch (Throwable t) {
            log.warnOnce("assemble", "an exchange could not be turned into a record", t);
            return;
        }
        record = identified(record, exchange);
        for (RecordSink sink : sinks) {
            try {
                sink.write(record);
            } catch (Throwable t) {
                log.warnOnce("sink:" + sink.description(),
                        "a record could not be written to " + sink.description()
                                + " (the call went on; further failures are not repeated)", t);
            }
        }
        if (telemetry != null) {
            try {
                telemetry.submit(record, exchange);
            } catch (Throwable t) {
                log.warnOnce("telemetry-submit", "a record could not be handed to the OpenTelemetry export", t);
            }
        }
    }

    private AuditRecord identified(AuditRecord record, Exchange exchange) {
        if (telemetry == null) {
            return record;
        }
        try {
            return telemetry.identify(record, exchange);
        } catch (Throwable t) {
            log.warnOnce("telemetry-identify", "a record's span could not be named", t);
            return record;
        }
    }

    /** Bodies are parsed into the record during {@link #accept}; nothing here holds their bytes after. */
    @Override
    public boolean keepsBodies() {
        return false;
    }

    @Override
    public boolean canRecord() {
        try {
            return admission.getAsBoolean();
        } catch (Throwable t) {
            return false;
        }
    }
}
