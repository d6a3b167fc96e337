package io.openrouteraudit.telemetry;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.audit.TelemetrySink;
import io.openrouteraudit.capture.CallerSpan;
import io.openrouteraudit.capture.Exchange;
import io.openrouteraudit.capture.RequestStart;
import io.openrouteraudit.diag.AgentLog;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Records to OTLP. The application's thread only names the span and hands the record over (a
 * bounded, lock-free {@link ExportHandoff}; when it is full the record is still journaled and its
 * export dropped, counted and reported). One daemon thread of the agent's thread group starts the SDK on the first record and turns
 * each record into a span, metrics and a log record; the SDK batches and exports on threads it
 * starts from there, so every export thread is in the agent's group and its HTTP calls are
 * never audited.
 */
public final class OtlpExport implements TelemetrySink {

    static final int QUEUE_CAPACITY = 2048;
    // The export thread's clock: soon after a record while records come, backing off to a
    // second while none do, so an idle application is not woken fifty times a second.
    private static final long BUSY_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    // At exit, how long a still-starting SDK is waited for before the flush bound begins.
    private static final long SDK_START_WAIT_MILLIS = 3_000;
    // At exit, the flush bound when the endpoint refuses connections: what is queued is lost anyway.
    private static final long REFUSED_FLUSH_MILLIS = 100;
    // At exit, how long the flush is waited for before the endpoint is asked whether it answers at all.
    private static final long PATIENT_FLUSH_MILLIS = 500;

    private final ThreadGroup agentThreads;
    private final ClassLoader agentLoader;
    private final AgentLog log;
    private final Function<String, String> settings;
    private final boolean spans;
    private final ExportHandoff<ExportJob> queue = new ExportHandoff<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final CountDownLatch sdkReady = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile boolean unavailable;
    private volatile long closeDeadlineNanos;

    /**
     * @param settings reads an {@code otel.*} setting as autoconfiguration does (property, then environment)
     */
    public OtlpExport(ThreadGroup agentThreads, ClassLoader agentLoader, AgentLog log,
                      Function<String, String> settings) {
        this.agentThreads = agentThreads;
        this.agentLoader = agentLoader;
        this.log = log;
        this.settings = settings;
        this.spans = ExportSignals.tracesExported(settings);
    }

    /**
     * With the standard {@code otel.*} system properties and {@code OTEL_*} variables; {@code null}
     * when they export nothing (every exporter {@code none}, or the SDK disabled), so that no SDK
     * is started for nothing.
     */
    public static OtlpExport fromEnvironment(ThreadGroup agentThreads, ClassLoader agentLoader, AgentLog log) {
        SystemSettings settings = new SystemSettings();
        return ExportSignals.anythingExported(settings) ? new OtlpExport(agentThreads, agentLoader, log, settings) : null;
    }

    /** Whether spans are exported, so the application's current span is worth reading. */
    public boolean exportsSpans() {
        return spans;
    }

    @Override
    public AuditRecord identify(AuditRecord record, Exchange exchange) {
        if (!spans) {
            return record;
        }
        CallerSpan parent = exchange.callerSpan();
        return record.withSpan(parent == null ? SpanIds.newTraceId() : parent.traceId(), SpanIds.newSpanId());
    }

    @Override
    public void submit(AuditRecord record, Exchange exchange) {
        if (unavailable) {
            return;
        }
        if (closing) {
            drop();
            return;
        }
        RequestStart start = exchange.request();
        ExportJob job = new ExportJob(record, exchange.callerSpan(), start.host(), start.port(),
                epochNanos(start.startTime()), exchange.latencyNanos());
        if (!queue.offer(job)) {
            drop();
        }
        startOnce();
    }

    /**
     * Starts the SDK in the background before the first record (the application has just shown it
     * makes HTTP calls), so that its start-up overlaps the application's work instead of the exit.
     */
    public void warmUp() {
        if (!unavailable) {
            startOnce();
        }
    }

    /**
     * Exports what is queued, flushes and stops the SDK, waiting at most {@code timeoutMillis}:
     * an endpoint that does not answer costs the application's exit no more than that, and one
     * that refuses connections (no collector running) almost nothing.
     */
    public void close(long timeoutMillis) {
        long bound = timeoutMillis;
        if (started.get()) {
            // Starting the SDK is local work, slow only on a loaded machine: the bound on what an
            // absent or stalled endpoint may cost the exit starts once the SDK can export.
            awaitQuietly(sdkReady, SDK_START_WAIT_MILLIS);
            if (!unavailable && CollectorProbe.refuses(settings)) {
                bound = Math.min(timeoutMillis, REFUSED_FLUSH_MILLIS);
            }
        }
        closeDeadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(bound);
        closing = true;
        queue.wake();
        if (started.get()) {
            awaitFlush(bound);
        }
        long lost = dropped.get() + queue.size();
        if (lost > 0) {
            log.warn(lost + " audit record(s) were journaled but not exported over OTLP"
                    + " (export queue full or shutting down)");
        }
    }

    /**
     * Waits for the export thread's flush: half a second at first, the rest of the bound only if the
     * endpoint still answers. A first export may need the whole bound on a loaded machine (it
     * loads and connects the exporter's HTTP client), but one to a collector that accepted the
     * connection and went silent would only wait the bound out.
     */
    private void awaitFlush(long boundMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(boundMillis);
        long patient = Math.min(boundMillis, PATIENT_FLUSH_MILLIS);
        if (awaitQuietly(finished, patient) || patient == boundMillis || CollectorProbe.stalls(settings)) {
            return;
        }
        awaitQuietly(finished, Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }

    private static boolean awaitQuietly(CountDownLatch latch, long millis) {
        try {
            return latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void drop() {
        dropped.incrementAndGet();
        log.warnOnce("otlp-queue-full", "the OpenTelemetry export queue is full (" + QUEUE_CAPACITY
                + "): records are still journaled, their spans are dropped; the count is reported at exit", null);
    }

    private void startOnce() {
        if (started.get() || !started.compareAndSet(false, true)) {
            return;
        }
        Thread worker = new Thread(agentThreads, new Worker(), "openrouter-audit-otlp-export");
        worker.setDaemon(true);
        worker.setContextClassLoader(agentLoader);
        worker.start();
    }

    private static long epochNanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }

    /** Starts the SDK, then feeds it until closing and the queue is empty; then flushes it. */
    private final class Worker implements Runnable {
        private final PresetIdGenerator presetIds = new PresetIdGenerator();

        @Override
        public void run() {
            queue.consumeOn(Thread.currentThread());
            try {
                List<Logger> quieted = ExporterLogFilter.install(agentThreads, log);
                OpenTelemetrySdk sdk;
                try {
                    sdk = startSdk();
                } finally {
                    sdkReady.countDown();
                }
                if (sdk != null) {
                    feed(new RecordTelemetry(sdk, presetIds, AgentVersion.read(agentLoader)));
                    shutDown(sdk);
                }
                quieted.clear();
            } finally {
                finished.countDown();
            }
        }

        private OpenTelemetrySdk startSdk() {
            try {
                return AgentSdk.start(agentLoader, presetIds, settings);
            } catch (Throwable t) {
                unavailable = true;
                queue.clear();
                log.warn("OpenTelemetry export cannot start; records are still journaled", t);
                return null;
            }
        }

        private void feed(RecordTelemetry telemetry) {
            long park = BUSY_PARK_NANOS;
            while (true) {
                boolean exported = false;
                for (ExportJob job = queue.poll(); job != null; job = queue.poll()) {
                    exported = true;
                    try {
                        telemetry.export(job);
                    } catch (Throwable t) {
                        log.warnOnce("otlp-record", "a record could not be turned into a span", t);
                    }
                }
                if (closing && queue.size() == 0) {
                    return;
                }
                park = exported ? BUSY_PARK_NANOS : Math.min(IDLE_PARK_NANOS, park * 2);
                queue.awaitWork(park);
                if (Thread.interrupted()) {
                    return;
                }
            }
        }

        private void shutDown(OpenTelemetrySdk sdk) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(closeDeadlineNanos - System.nanoTime()));
            try {
                sdk.shutdown().join(left, TimeUnit.MILLISECONDS);
            } catch (Throwable t) {
                log.warnOnce("otlp-shutdown", "the OpenTelemetry export did not shut down cleanly", t);
            }
        }
    }

    /** The settings as autoconfiguration reads them: system property, then environment. */
    private static final class SystemSettings implements Function<String, String> {
        @Override
        public String apply(String key) {
            return ExportSignals.read(key);
        }
    }
}
