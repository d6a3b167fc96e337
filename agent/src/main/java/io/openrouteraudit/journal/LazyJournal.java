package io.openrouteraudit.journal;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.audit.RecordSink;
import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.diag.AgentLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The journal as the pipeline sees it: opened on a background thread the first time the
 * application shows it will make HTTP calls (Chronicle's cold open costs about half a second,
 * which must not sit on the application's start-up path), reopened after a failure.
 *
 * <p>With {@code journal.retention-days} above 0, once the journal is open a daemon thread
 * deletes the rolled files older than the retention (see {@link JournalRetention}): at open,
 * then every hour - never on the application's threads.
 */
public final class LazyJournal implements RecordSink, AutoCloseable {

    private static final long OPEN_WAIT_SECONDS = 30;
    private static final long RETRY_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Path dir;
    private final JournalRoll roll;
    private final AtomicReference<CompletableFuture<JournalWriter>> opening = new AtomicReference<>();
    private volatile long failedAtNanos;
    private volatile boolean lastWriteFailed;

    private static final Duration RETENTION_INTERVAL = Duration.ofHours(1);

    private final int retentionDays;
    private final AgentLog log;
    private final Duration retentionInterval;
    private final Clock clock;
    private final AtomicReference<ScheduledExecutorService> retention = new AtomicReference<>();

    public LazyJournal(Path dir, JournalRoll roll) {
        this(dir, roll, 0, null);
    }

    /** A journal that also applies {@code journal.retention-days} ({@code 0}: keep everything). */
    public LazyJournal(Path dir, JournalRoll roll, int retentionDays, AgentLog log) {
        this(dir, roll, retentionDays, log, RETENTION_INTERVAL, Clock.systemUTC());
    }

    LazyJournal(Path dir, JournalRoll roll, int retentionDays, AgentLog log, Duration retentionInterval, Clock clock) {
        this.dir = dir;
        this.roll = roll;
        this.retentionDays = retentionDays;
        this.log = log;
        this.retentionInterval = retentionInterval;
        this.clock = clock;
    }

    @Override
    public String description() {
        return "the journal in " + dir;
    }

    /** Starts opening in the background, once. */
    public void warmUp() {
        opening();
    }

    @Override
    public void write(AuditRecord record) throws IOException {
        JournalWriter writer = writer();
        try {
            writer.append(record);
            lastWriteFailed = false;
        } catch (IOException e) {
            lastWriteFailed = true;
            failedAtNanos = System.nanoTime();
            throw e;
        }
    }

    /** Whether a record could be written now: open (waiting for the background open) and healthy. */
    public boolean writable() {
        try {
            writer();
            return !lastWriteFailed || System.nanoTime() - failedAtNanos > RETRY_AFTER_NANOS;
        } catch (IOException e) {
            return false;
        }
    }

    private JournalWriter writer() throws IOException {
        CompletableFuture<JournalWriter> future = opening();
        try {
            return future.get(OPEN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the journal was opening", e);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (System.nanoTime() - failedAtNanos > RETRY_AFTER_NANOS) {
                // The disk may be back: try again next time rather than failing forever.
                failedAtNanos = System.nanoTime();
                opening.compareAndSet(future, null);
            }
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        }
    }

    private CompletableFuture<JournalWriter> opening() {
        CompletableFuture<JournalWriter> current = opening.get();
        if (current != null) {
            return current;
        }
        CompletableFuture<JournalWriter> fresh = new CompletableFuture<>();
        if (!opening.compareAndSet(null, fresh)) {
            return opening.get();
        }
        Thread opener = new Thread(() -> {
            try {
                fresh.complete(JournalWriter.open(dir, roll));
                startRetention();
            } catch (Throwable t) {
                failedAtNanos = System.nanoTime();
                fresh.completeExceptionally(t);
            }
        }, "openrouter-audit-journal-open");
        opener.setDaemon(true);
        // Chronicle Queue finds JDK classes through the opening thread's context loader (JDK 21+),
        // and a new thread inherits its creator's: none at all when the creator is the JVM's
        // Attach Listener, which runs agentmain and the retransformation that warms us up.
        opener.setContextClassLoader(LazyJournal.class.getClassLoader());
        opener.start();
        return fresh;
    }

    /** Once, after the first successful open: a pass now, then one per interval, on a daemon thread. */
    private void startRetention() {
        try {
            scheduleRetention();
        } catch (RuntimeException | Error e) {
            if (log != null) {
                log.warnOnce("journal-retention", "journal retention cannot start for " + dir, e);
            }
        }
    }

    private void scheduleRetention() {
        if (retentionDays <= 0 || retention.get() != null) {
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "openrouter-audit-journal-retention");
            thread.setDaemon(true);
            return thread;
        });
        if (!retention.compareAndSet(null, scheduler)) {
            scheduler.shutdown();
            return;
        }
        long every = Math.max(1, retentionInterval.toMillis());
        scheduler.scheduleWithFixedDelay(this::applyRetention, 0, every, TimeUnit.MILLISECONDS);
    }

    /** One retention pass over the open journal; a failure is reported and the next pass tries again. */
    void applyRetention() {
        CompletableFuture<JournalWriter> future = opening.get();
        if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
            return;
        }
        try {
            Instant cutoff = JournalRetention.cutoff(clock.instant(), retentionDays);
            JournalRetention.Outcome outcome = future.join().retireCyclesBefore(cutoff);
            if (log != null && !outcome.deleted().isEmpty()) {
                log.info("journal retention (" + retentionDays + " days): deleted " + outcome.deleted().size()
                        + " rolled file(s) of " + dir + ", " + outcome.deleted().get(0).getFileName()
                        + (outcome.deleted().size() > 1
                        ? " to " + outcome.deleted().get(outcome.deleted().size() - 1).getFileName() : ""));
            }
            if (log != null && outcome.failure() != null) {
                log.warnOnce("journal-retention", "journal retention cannot delete old files in " + dir,
                        outcome.failure());
            }
        } catch (Throwable t) {
            // A closed queue at shutdown, or a file system error: keep the application going.
            if (log != null) {
                log.warnOnce("journal-retention", "journal retention failed in " + dir, t);
            }
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService scheduler = retention.get();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        CompletableFuture<JournalWriter> future = opening.get();
        if (future != null && future.isDone() && !future.isCompletedExceptionally()) {
            try {
                future.join().close();
            } catch (Exception ignored) {
                // shutting down
            }
        }
    }
}
