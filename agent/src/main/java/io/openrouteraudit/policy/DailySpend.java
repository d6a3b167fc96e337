package io.openrouteraudit.policy;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.audit.RecordSink;
import io.openrouteraudit.diag.AgentLog;
import io.openrouteraudit.journal.NewestFirstReader;
import io.openrouteraudit.journal.StoredRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * This journal's spend on the current UTC day, summed from {@code total_cost}: read back from the
 * journal once when it opens (so a restart does not reset the budget), then kept up to date from
 * each record this process writes. A record counts on the day its request started.
 */
public final class DailySpend implements RecordSink {

    // Records are appended when calls end, not in start order: a call started just before
    // midnight may sit after some of today's. Reading this far past the day's start finds it.
    private static final Duration LATE_RECORD_SLACK = Duration.ofHours(6);
    private static final long READ_BACK_WAIT_SECONDS = 5;

    private final Clock clock;
    private final AgentLog log;
    private final CountDownLatch readBack = new CountDownLatch(1);
    private volatile boolean gaveUpWaiting;
    private LocalDate day;
    private BigDecimal spent = BigDecimal.ZERO;

    public DailySpend(Clock clock, AgentLog log) {
        this.clock = clock;
        this.log = log;
    }

    /**
     * Adds today's records already in the journal. Runs once, when the journal has opened and
     * before this process appends to it, so that no record is counted twice. Never throws: a
     * journal that cannot be read leaves the day at what this process spends.
     */
    public void readBack(Path journalDir) {
        try {
            LocalDate today = today();
            Instant dayStart = today.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant stopBefore = dayStart.minus(LATE_RECORD_SLACK);
            BigDecimal[] sum = {BigDecimal.ZERO};
            NewestFirstReader.visit(journalDir, line -> {
                StoredRecord r;
                try {
                    r = StoredRecord.parse(line);
                } catch (IOException unreadable) {
                    return true; // verify reports damage; the budget counts what it can read
                }
                if (r.timestamp() == null) {
                    return true;
                }
                if (!r.timestamp().isBefore(dayStart) && r.totalCost() != null) {
                    sum[0] = sum[0].add(BigDecimal.valueOf(r.totalCost()));
                }
                return !r.timestamp().isBefore(stopBefore);
            });
            add(today, sum[0]);
        } catch (IOException | RuntimeException e) {
            if (log != null) {
                log.warnOnce("policy-budget-read", "policy.daily-budget-usd: today's spend cannot be read back from "
                        + journalDir + "; counting only this process's calls", e);
            }
        } finally {
            readBack.countDown();
        }
    }

    /** Nothing to read back (no journal will open): count from zero. */
    public void skipReadBack() {
        readBack.countDown();
    }

    @Override
    public void write(AuditRecord record) {
        if (record.totalCost() == null || record.timestamp() == null) {
            return;
        }
        add(record.timestamp().atOffset(ZoneOffset.UTC).toLocalDate(), BigDecimal.valueOf(record.totalCost()));
    }

    @Override
    public String description() {
        return "the daily spend";
    }

    /**
     * Whether today's spend has reached {@code budget}. Waits a little for the read-back on the
     * first calls after start, so that a restart cannot slip calls past a spent budget.
     */
    public boolean reached(BigDecimal budget) {
        awaitReadBack();
        return spentToday().compareTo(budget) >= 0;
    }

    /** Today's spend so far (UTC). */
    public synchronized BigDecimal spentToday() {
        return today().equals(day) ? spent : BigDecimal.ZERO;
    }

    private synchronized void add(LocalDate on, BigDecimal cost) {
        if (day == null || on.isAfter(day)) {
            day = on;
            spent = BigDecimal.ZERO;
        }
        if (on.equals(day)) {
            spent = spent.add(cost);
        }
    }

    private void awaitReadBack() {
        if (gaveUpWaiting || readBack.getCount() == 0) {
            return;
        }
        try {
            if (!readBack.await(READ_BACK_WAIT_SECONDS, TimeUnit.SECONDS)) {
                // Once only: a journal that hangs must not hold every later call as well.
                gaveUpWaiting = true;
                if (log != null) {
                    log.warnOnce("policy-budget-wait", "policy.daily-budget-usd: the journal has not opened within "
                            + READ_BACK_WAIT_SECONDS + " s; the budget counts only this process's calls until it does",
                            null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private LocalDate today() {
        return clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
