package io.openrouteraudit.journal;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.audit.RecordSink;
import io.openrouteraudit.config.JournalRoll;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The journal as the pipeline sees it: opened on a background thread the first time the
 * application shows it will make HTTP calls (Chronicle's cold open costs about half a second,
 * which must not sit on the application's start-up path), reopened after a failure.
 */
public final class LazyJournal implements RecordSink, AutoCloseable {

    private static final long OPEN_WAIT_SECONDS = 30;
    private static final long RETRY_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Path dir;
    private final JournalRoll roll;
    private final AtomicReference<CompletableFuture<JournalWriter>> opening = new AtomicReference<>();
    private volatile long failedAtNanos;
    private volatile boolean lastWriteFailed;

    public LazyJournal(Path dir, JournalRoll roll) {
        this.dir = dir;
        this.roll = roll;
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
            } catch (Throwable t) {
                failedAtNanos = System.nanoTime();
                fresh.completeExceptionally(t);
            }
        }, "openrouter-audit-journal-open");
        opener.setDaemon(true);
        opener.start();
        return fresh;
    }

    @Override
    public void close() {
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
