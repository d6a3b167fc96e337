package io.openrouteraudit.journal;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.audit.RecordSink;
import io.openrouteraudit.config.FailMode;
import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.diag.AgentLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The journal as the pipeline sees it: opened on a background thread the first time the
 * application shows it will make HTTP calls (Chronicle's cold open costs about half a second,
 * which must not sit on the application's start-up path), and kept going through disk faults.
 *
 * <p>When the journal cannot be written - the directory unwritable, the disk full, the mapped
 * file faulting - the call goes on and its record waits in a bounded {@link JournalBacklog};
 * the operator gets one line per outage. A daemon thread retries every second (reopening the
 * queue unless only room was missing) and writes the backlog, oldest first, once it can; the
 * shutdown hook makes a last attempt, so an outage that ends before the application does loses
 * nothing. {@link #writable()} answers {@code fail-mode=closed}, trying a recovery itself.
 *
 * <p>With {@code journal.retention-days} above 0, see {@link JournalRetentionSchedule}.
 */
public final class LazyJournal implements RecordSink, AutoCloseable {

    private static final long OPEN_WAIT_SECONDS = 30;
    private static final long RECOVERY_INTERVAL_MILLIS = 1_000;
    private static final int BACKLOG_RECORDS = 10_000;
    private static final long BACKLOG_BYTES = 64L << 20;

    private final Path dir;
    private final JournalRoll roll;
    private final AgentLog log;
    private final FailMode failMode;
    private final JournalRetentionSchedule retention;
    private final AtomicReference<CompletableFuture<JournalWriter>> opening = new AtomicReference<>();
    private final JournalBacklog backlog = new JournalBacklog(BACKLOG_RECORDS, BACKLOG_BYTES);
    /** One recovery at a time: the background thread's, a fail-mode=closed check's, the shutdown's. */
    private final Object recovery = new Object();
    private volatile JournalWriter current;
    private volatile boolean failing;
    private volatile boolean writerBroken;
    private volatile boolean closed;
    private volatile Runnable afterOpenAttempt;
    /**
     * Whether a queue was ever opened in this JVM. Chronicle registers a shutdown hook when its
     * first queue opens; inside the agent's own shutdown hook that fails (and its releaser thread
     * prints a stack trace), so a journal never opened is not opened for the first time at exit.
     */
    private volatile boolean everOpened;
    /** Set under {@link #recovery} once close() closed the writer: nothing may reopen it. */
    private boolean writerClosed;
    private boolean recoveryRunning; // guarded by this

    public LazyJournal(Path dir, JournalRoll roll) {
        this(dir, roll, 0, null);
    }

    /** A journal that also applies {@code journal.retention-days} ({@code 0}: keep everything). */
    public LazyJournal(Path dir, JournalRoll roll, int retentionDays, AgentLog log) {
        this(dir, roll, retentionDays, log, FailMode.OPEN);
    }

    /** As above; {@code failMode} only words the outage line (the refusal itself is the caller's). */
    public LazyJournal(Path dir, JournalRoll roll, int retentionDays, AgentLog log, FailMode failMode) {
        this(dir, roll, retentionDays, log, failMode, JournalRetentionSchedule.INTERVAL, Clock.systemUTC());
    }

    LazyJournal(Path dir, JournalRoll roll, int retentionDays, AgentLog log, Duration retentionInterval, Clock clock) {
        this(dir, roll, retentionDays, log, FailMode.OPEN, retentionInterval, clock);
    }

    private LazyJournal(Path dir, JournalRoll roll, int retentionDays, AgentLog log, FailMode failMode,
                        Duration retentionInterval, Clock clock) {
        this.dir = dir;
        this.roll = roll;
        this.log = log;
        this.failMode = failMode;
        this.retention = new JournalRetentionSchedule(dir, retentionDays, log, retentionInterval, clock);
    }

    @Override
    public String description() {
        return "the journal in " + dir;
    }

    /**
     * Runs {@code task} on the opening thread once the first open has succeeded or failed, before
     * any record is appended: a reader then sees exactly what earlier runs left. Set before
     * {@link #warmUp()}.
     */
    public void afterOpenAttempt(Runnable task) {
        this.afterOpenAttempt = task;
    }

    private void runQuietly(Runnable task) {
        if (task == null) {
            return;
        }
        try {
            task.run();
        } catch (Throwable t) {
            if (log != null) {
                log.warnOnce("journal-after-open", "a task after the journal opened failed", t);
            }
        }
    }

    /** Starts opening in the background, once. */
    public void warmUp() {
        opening();
    }

    /** Never throws: a record that cannot be written now waits in the backlog (or is counted lost). */
    @Override
    public void write(AuditRecord record) {
        if (!failing) {
            try {
                writer().append(record);
                return;
            } catch (IOException | RuntimeException | Error e) {
                failed(e);
            }
        }
        keep(record);
    }

    /**
     * Whether a record could be written now: open (waiting for the background open), no earlier
     * failure outstanding, room on the disk. While failing, tries a recovery on this thread:
     * with {@code fail-mode=closed} the first call after the disk is back goes through.
     */
    public boolean writable() {
        if (!failing) {
            try {
                if (writer().hasRoom()) {
                    return true;
                }
                failed(new JournalFullException("no room on the journal's file system"));
            } catch (IOException | RuntimeException | Error e) {
                failed(e);
            }
        }
        return recoverOnce();
    }

    private JournalWriter writer() throws IOException {
        JournalWriter writer = current;
        if (writer != null) {
            return writer;
        }
        CompletableFuture<JournalWriter> future = opening();
        try {
            writer = future.get(OPEN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the journal was opening", e);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        }
        synchronized (recovery) {
            if (current == null) {
                current = writer;
            }
            return current;
        }
    }

    private CompletableFuture<JournalWriter> opening() {
        CompletableFuture<JournalWriter> existing = opening.get();
        if (existing != null) {
            return existing;
        }
        CompletableFuture<JournalWriter> fresh = new CompletableFuture<>();
        if (!opening.compareAndSet(null, fresh)) {
            return opening.get();
        }
        Runnable firstTask = afterOpenAttempt;
        Thread opener = new Thread(() -> {
            JournalWriter writer = null;
            Throwable failure = null;
            try {
                writer = JournalWriter.open(dir, roll);
                everOpened = true;
            } catch (Throwable t) {
                failure = t;
            }
            runQuietly(firstTask);
            if (writer != null) {
                fresh.complete(writer);
                retention.start(writer);
            } else {
                fresh.completeExceptionally(failure);
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

    private void failed(Throwable cause) {
        if (!(cause instanceof JournalFullException)) {
            writerBroken = true;
        }
        boolean outageBegins;
        synchronized (this) {
            outageBegins = !failing;
            failing = true;
        }
        if (outageBegins) {
            if (log != null) {
                log.warn("records cannot be written to " + description() + " (" + (failMode == FailMode.CLOSED
                        ? "fail-mode=closed: new calls are refused until it can be again"
                        : "calls go on; up to " + BACKLOG_RECORDS + " records wait in memory and are"
                        + " written when it can be again, or lost if the application ends first") + ")",
                        rootOf(cause));
            }
        }
        startRecovery();
    }

    private void keep(AuditRecord record) {
        if (!backlog.offer(record) && log != null) {
            log.warnOnce("journal-backlog-full", description() + " has been failing for "
                    + BACKLOG_RECORDS + " records or " + (BACKLOG_BYTES >> 20) + " MB of them; further records are lost"
                    + " until it can be written again", null);
        }
        startRecovery();
    }

    private synchronized void startRecovery() {
        if (recoveryRunning || closed) {
            return;
        }
        recoveryRunning = true;
        Thread thread = new Thread(this::recoverUntilHealthy, "openrouter-audit-journal-recovery");
        thread.setDaemon(true);
        // Reopening loads Chronicle as the opener does: with the agent's loader, whatever thread began it.
        thread.setContextClassLoader(LazyJournal.class.getClassLoader());
        thread.start();
    }

    private void recoverUntilHealthy() {
        try {
            while (!closed) {
                Thread.sleep(RECOVERY_INTERVAL_MILLIS);
                recoverOnce();
                synchronized (this) {
                    if (!failing && backlog.isEmpty()) {
                        recoveryRunning = false;
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            // shutting down: close() makes the last attempt
        }
        synchronized (this) {
            recoveryRunning = false;
        }
    }

    /** Reopens if needed and writes the backlog; true when the journal is healthy again. */
    private boolean recoverOnce() {
        synchronized (recovery) {
            if (writerClosed) {
                return false;
            }
            try {
                JournalWriter writer = usableWriter();
                for (AuditRecord next = backlog.oldest(); next != null; next = backlog.oldest()) {
                    writer.append(next);
                    backlog.removeOldest();
                }
                if (!writer.hasRoom()) {
                    throw new JournalFullException("no room on the journal's file system");
                }
            } catch (IOException | RuntimeException | Error e) {
                if (!(e instanceof JournalFullException)) {
                    writerBroken = true;
                }
                return false;
            }
            boolean outageEnds;
            synchronized (this) {
                outageEnds = failing;
                failing = false;
            }
            if (outageEnds) {
                if (log != null) {
                    log.info(description() + " can be written again");
                }
            }
            return true;
        }
    }

    /** The open writer; a fresh one when the first open failed or an append broke the last. */
    private JournalWriter usableWriter() throws IOException {
        JournalWriter writer = current;
        if (writer != null && !writerBroken) {
            return writer;
        }
        if (writer == null) {
            try {
                writer = writer();
                writerBroken = false;
                return writer;
            } catch (IOException e) {
                // the first open failed: open anew below
            }
        } else {
            closeQuietly(writer);
            current = null;
        }
        writer = JournalWriter.open(dir, roll);
        everOpened = true;
        current = writer;
        writerBroken = false;
        retention.start(writer);
        return writer;
    }

    /** The writer of the first open when it succeeded, without waiting; null otherwise. */
    private JournalWriter openedInBackground() {
        CompletableFuture<JournalWriter> future = opening.get();
        return future != null && future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static void closeQuietly(JournalWriter writer) {
        try {
            writer.close();
        } catch (RuntimeException | Error e) {
            // a broken queue; its files stay as they are
        }
    }

    /**
     * The shutdown hook's last attempt at the backlog, when a queue was ever opened (see
     * {@link #everOpened}). What is still kept after it is lost: the outage's line said so, and
     * the count is at {@code info}, so that an outage stays one line on stderr.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        retention.stop();
        if ((failing || !backlog.isEmpty()) && everOpened) {
            recoverOnce();
        }
        if (!backlog.isEmpty() && log != null) {
            log.info(backlog.size() + " records could not be written to " + description()
                    + " before the application ended and are lost");
        }
        synchronized (recovery) {
            writerClosed = true;
            JournalWriter writer = current != null ? current : openedInBackground();
            if (writer != null) {
                closeQuietly(writer);
            }
        }
    }
}
