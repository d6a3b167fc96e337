package io.openrouteraudit.telemetry;

import io.openrouteraudit.diag.AgentLog;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the agent's SDK quiet on the application's console. The SDK and OkHttp log through
 * java.util.logging under the same logger names as an application's own OpenTelemetry, so the
 * filter decides by thread: what the agent's threads log (an export that failed because the
 * endpoint is down, slow or answering 500) becomes one line of the agent's own diagnostics;
 * everything else goes on to the filter that was there before.
 */
final class ExporterLogFilter implements Filter {

    // The classes of the SDK, its exporters and senders that log at run time.
    private static final String[] LOGGERS = {
        "io.opentelemetry.exporter.otlp.internal.HttpExporter",
        "io.opentelemetry.exporter.otlp.internal.GrpcExporter",
        "io.opentelemetry.exporter.otlp.internal.OtlpConfigUtil",
        "io.opentelemetry.exporter.internal.SenderUtil",
        "io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSender",
        "io.opentelemetry.exporter.sender.okhttp.internal.OkHttpGrpcSender",
        "io.opentelemetry.exporter.sender.okhttp.internal.RetryInterceptor",
        "io.opentelemetry.sdk.OpenTelemetrySdk",
        "io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder",
        "io.opentelemetry.sdk.trace.SdkSpan",
        "io.opentelemetry.sdk.trace.SdkTracerProvider",
        "io.opentelemetry.sdk.trace.export.BatchSpanProcessor",
        "io.opentelemetry.sdk.logs.SdkLoggerProvider",
        "io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor",
        "io.opentelemetry.sdk.metrics.SdkMeterProvider",
        "io.opentelemetry.sdk.metrics.export.PeriodicMetricReader",
        "io.opentelemetry.sdk.metrics.internal.state.MetricStorageRegistry",
        "io.opentelemetry.sdk.resources.Resource",
        "okhttp3.OkHttpClient",
        "okhttp3.internal.http2.Http2",
        "okhttp3.internal.concurrent.TaskRunner",
    };

    private final ThreadGroup agentThreads;
    private final AgentLog log;
    private final Filter previous;

    private ExporterLogFilter(ThreadGroup agentThreads, AgentLog log, Filter previous) {
        this.agentThreads = agentThreads;
        this.log = log;
        this.previous = previous;
    }

    /**
     * Installs the filter; the returned loggers must be held for as long as the filters should
     * stay (java.util.logging keeps loggers only weakly, and a new one has no filter).
     */
    static List<Logger> install(ThreadGroup agentThreads, AgentLog log) {
        List<Logger> held = new ArrayList<>(LOGGERS.length);
        for (String name : LOGGERS) {
            try {
                Logger logger = Logger.getLogger(name);
                logger.setFilter(new ExporterLogFilter(agentThreads, log, logger.getFilter()));
                held.add(logger);
            } catch (RuntimeException denied) {
                // a security policy or a custom LogManager: the SDK's lines may show, nothing else
            }
        }
        return held;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        if (group != null && agentThreads.parentOf(group)) {
            if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                log.warnOnce("otlp-export", "OpenTelemetry export: " + record.getMessage()
                        + " (the application and the journal are unaffected; further export problems are not"
                        + " repeated)", null);
            }
            return false;
        }
        return previous == null || previous.isLoggable(record);
    }
}
