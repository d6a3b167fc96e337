package io.openrouteraudit.install;

import io.openrouteraudit.audit.RecordAssembler;
import io.openrouteraudit.audit.RecordSink;
import io.openrouteraudit.audit.ViolationCheck;
import io.openrouteraudit.bootstrap.AuditBridge;
import io.openrouteraudit.capture.CallerSpanSource;
import io.openrouteraudit.capture.ExchangeTracker;
import io.openrouteraudit.capture.RequestGate;
import io.openrouteraudit.config.AuditConfig;
import io.openrouteraudit.config.FailMode;
import io.openrouteraudit.diag.AgentLog;
import io.openrouteraudit.instrument.ClassTransformation;
import io.openrouteraudit.instrument.ExactNameTransformer;
import io.openrouteraudit.instrument.jdkhttp.JdkExchangeHooks;
import io.openrouteraudit.instrument.jdkhttp.JdkHttpClientInstrumentation;
import io.openrouteraudit.instrument.okhttp.OkHttpBindings;
import io.openrouteraudit.instrument.okhttp.OkHttpInstrumentation;
import io.openrouteraudit.journal.LazyJournal;
import io.openrouteraudit.pipeline.AuditPipeline;
import io.openrouteraudit.policy.CompliancePolicy;
import io.openrouteraudit.policy.DailySpend;
import io.openrouteraudit.policy.PolicyGate;
import io.openrouteraudit.policy.RecordViolations;
import io.openrouteraudit.policy.ViolationLog;
import io.openrouteraudit.pipeline.HashKeySupplier;
import io.openrouteraudit.redact.Redactor;
import io.openrouteraudit.telemetry.ApplicationSpanReader;
import io.openrouteraudit.telemetry.OtlpExport;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/** Builds the object graph once and connects it to the bridge and the transformer. */
final class AgentWiring {

    private AgentWiring() {
    }

    static void wire(Instrumentation inst, AuditConfig config, Redactor redactor, AgentLog log, ClassLoader agentLoader) {
        LazyJournal journal = new LazyJournal(config.journalDir(), config.journalRoll(),
                config.journalRetentionDays(), log, config.failMode());
        CompliancePolicy policy = CompliancePolicy.from(config);
        DailySpend spend = policy.dailyBudgetUsd() == null ? null : new DailySpend(Clock.systemUTC(), log);
        if (spend != null) {
            journal.afterOpenAttempt(new ReadBackSpend(spend, config.journalDir()));
        }
        RecordAssembler assembler = new RecordAssembler(redactor,
                new HashKeySupplier(config.hashKeyFromEnv(), config.hashKeyFile(), log), config.content(),
                policy.isEmpty() ? ViolationCheck.NONE : new RecordViolations(policy));
        BooleanSupplier admission = new Admission(config.failMode() == FailMode.CLOSED ? journal : null);
        // Every thread the agent starts, and every thread those start (the OTLP exporter's), is in
        // this group: their HTTP calls are the agent's own and never audited.
        ThreadGroup agentThreads = new ThreadGroup("openrouter-audit");
        OtlpExport export = config.otelEnabled() ? OtlpExport.fromEnvironment(agentThreads, agentLoader, log) : null;
        List<RecordSink> sinks = new ArrayList<>();
        sinks.add(journal);
        if (spend != null) {
            sinks.add(spend); // after the journal: the read-back must not see a record it already counted
        }
        if (!policy.isEmpty()) {
            sinks.add(new ViolationLog(log, policy));
        }
        AuditPipeline pipeline = new AuditPipeline(assembler, sinks, export, admission, log);
        CallerSpanSource callerSpans = export != null && export.exportsSpans()
                ? new ApplicationSpanReader() : CallerSpanSource.NONE;
        RequestGate gate = spend != null || policy.judgesBodiesBeforeSending()
                ? new PolicyGate(policy, spend) : RequestGate.OPEN;
        ExchangeTracker tracker = new ExchangeTracker(pipeline, config.captureMaxBytes(), callerSpans, agentThreads,
                gate);

        AuditBridge.registerJdkHttpClient(new JdkExchangeHooks(config, tracker));
        AuditBridge.registerOkHttp(new OkHttpBindings(config, tracker, agentLoader));

        Runnable warmUp = new WarmUpOnce(journal, export);
        List<ClassTransformation> transformations = new ArrayList<>();
        transformations.add(new JdkHttpClientInstrumentation(warmUp));
        transformations.addAll(OkHttpInstrumentation.all(warmUp));
        ExactNameTransformer transformer = new ExactNameTransformer(transformations, agentLoader,
                new ExactNameTransformer.TransformListener() {
                    @Override
                    public void transformed(String className) {
                        log.debug("instrumented " + className);
                    }

                    @Override
                    public void failed(String className, Throwable error) {
                        log.warn("cannot instrument " + className + "; its calls are not audited", error);
                    }
                });
        inst.addTransformer(transformer, true);
        retransformAlreadyLoaded(inst, transformer, log);

        Thread shutdown = new Thread(new EndPendingAtShutdown(tracker, journal, export), "openrouter-audit-shutdown");
        // Not inherited from the thread running agentmain, which has none when it is the Attach Listener.
        shutdown.setContextClassLoader(agentLoader);
        Runtime.getRuntime().addShutdownHook(shutdown);
    }

    /** Today's spend, read back from the journal when it opens and before anything is appended. */
    private static final class ReadBackSpend implements Runnable {
        private final DailySpend spend;
        private final Path journalDir;

        ReadBackSpend(DailySpend spend, Path journalDir) {
            this.spend = spend;
            this.journalDir = journalDir;
        }

        @Override
        public void run() {
            spend.readBack(journalDir);
        }
    }

    /** With {@code fail-mode=closed} a call may start only while the journal can be written. */
    private static final class Admission implements BooleanSupplier {
        private final LazyJournal journalOrNull;

        Admission(LazyJournal journalOrNull) {
            this.journalOrNull = journalOrNull;
        }

        @Override
        public boolean getAsBoolean() {
            return journalOrNull == null || journalOrNull.writable();
        }
    }

    /**
     * The first instrumented class says the application makes HTTP calls: open the journal and
     * start the OpenTelemetry SDK, both on background threads.
     */
    private static final class WarmUpOnce implements Runnable {
        private final LazyJournal journal;
        private final OtlpExport exportOrNull;
        private final AtomicBoolean done = new AtomicBoolean();

        WarmUpOnce(LazyJournal journal, OtlpExport exportOrNull) {
            this.journal = journal;
            this.exportOrNull = exportOrNull;
        }

        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                journal.warmUp();
                if (exportOrNull != null) {
                    exportOrNull.warmUp();
                }
            }
        }
    }

    /** Every start has an end: what the application never finished is recorded as incomplete. */
    private static final class EndPendingAtShutdown implements Runnable {
        // Bounded: a stuck disk must not hold the application's exit for long.
        private static final long SHUTDOWN_WAIT_MILLIS = 2_000;
        private static final long SETTLE_MILLIS = 250;
        // Bounded too: an OTLP endpoint that is stalled must not hold the exit for long (one that
        // refuses connections is cut short). Spans are best effort (the journal has every record). 3 s, not
        // 1 s: the first export of a short run loads and connects the exporter (gRPC: OkHttp's
        // HTTP/2) only now, which took over a second at a load of 8 on two cores.
        private static final long EXPORT_FLUSH_MILLIS = 3_000;

        private final ExchangeTracker tracker;
        private final LazyJournal journal;
        private final OtlpExport exportOrNull;

        EndPendingAtShutdown(ExchangeTracker tracker, LazyJournal journal, OtlpExport exportOrNull) {
            this.tracker = tracker;
            this.journal = journal;
            this.exportOrNull = exportOrNull;
        }

        @Override
        public void run() {
            // A call that just failed may be ending on a client thread while the application,
            // already told, exits: give those a moment before calling the rest incomplete.
            tracker.pending().awaitEnded(SETTLE_MILLIS);
            tracker.pending().endAllAsIncomplete();
            tracker.pending().awaitEnded(SHUTDOWN_WAIT_MILLIS);
            journal.close();
            if (exportOrNull != null) {
                exportOrNull.close(EXPORT_FLUSH_MILLIS);
            }
        }
    }

    /** Classes loaded before the agent (attach to a running JVM) get the same advice. */
    private static void retransformAlreadyLoaded(Instrumentation inst, ExactNameTransformer transformer, AgentLog log) {
        List<Class<?>> targets = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (transformer.handles(c.getName()) && inst.isModifiableClass(c)) {
                targets.add(c);
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        try {
            inst.retransformClasses(targets.toArray(new Class<?>[0]));
        } catch (Throwable t) {
            log.warn("cannot instrument classes loaded before the agent", t);
        }
    }
}
