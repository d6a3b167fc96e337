package io.openrouteraudit.journal;

import io.openrouteraudit.diag.AgentLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code journal.retention-days} above 0: once the journal is open, a daemon thread deletes the
 * rolled files older than the retention (see {@link JournalRetention}) - at open, then every
 * hour - never on the application's threads. After a reopen it goes on with the new writer.
 */
final class JournalRetentionSchedule {

    static final Duration INTERVAL = Duration.ofHours(1);

    private final Path dir;
    private final int retentionDays;
    private final AgentLog log;
    private final Duration interval;
    private final Clock clock;
    private final AtomicReference<ScheduledExecutorService> scheduler = new AtomicReference<>();
    private volatile JournalWriter writer;

    JournalRetentionSchedule(Path dir, int retentionDays, AgentLog log, Duration interval, Clock clock) {
        this.dir = dir;
        this.retentionDays = retentionDays;
        this.log = log;
        this.interval = interval;
        this.clock = clock;
    }

    /** After each successful open: the first one schedules a pass now, then one per interval. */
    void start(JournalWriter opened) {
        writer = opened;
        try {
            schedule();
        } catch (RuntimeException | Error e) {
            if (log != null) {
                log.warnOnce("journal-retention", "journal retention cannot start for " + dir, e);
            }
        }
    }

    private void schedule() {
        if (retentionDays <= 0 || scheduler.get() != null) {
            return;
        }
        ScheduledExecutorService fresh = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "openrouter-audit-journal-retention");
            thread.setDaemon(true);
            return thread;
        });
        if (!scheduler.compareAndSet(null, fresh)) {
            fresh.shutdown();
            return;
        }
        long every = Math.max(1, interval.toMillis());
        fresh.scheduleWithFixedDelay(this::applyRetention, 0, every, TimeUnit.MILLISECONDS);
    }

    /** One retention pass over the open journal; a failure is reported and the next pass tries again. */
    void applyRetention() {
        JournalWriter open = writer;
        if (open == null) {
            return;
        }
        try {
            Instant cutoff = JournalRetention.cutoff(clock.instant(), retentionDays);
            JournalRetention.Outcome outcome = open.retireCyclesBefore(cutoff);
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

    void stop() {
        ScheduledExecutorService running = scheduler.get();
        if (running != null) {
            running.shutdownNow();
        }
    }
}
