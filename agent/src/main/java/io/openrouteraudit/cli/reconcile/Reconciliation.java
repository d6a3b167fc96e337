package io.openrouteraudit.cli.reconcile;

import io.openrouteraudit.journal.StoredRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Walks the journal's records oldest first, looks each generation up (a few at a time, so the
 * backoff of one does not hold up the rest) and prints, in journal order, one line per field
 * that differs and one per generation OpenRouter does not know, then a summary line. Memory
 * stays constant: at most {@link #WINDOW} records are in flight.
 *
 * <p>Lines: {@code MISMATCH seq=<n> generation_id=<id> field=<f> journal=<v> openrouter=<v>},
 * {@code UNKNOWN seq=<n> generation_id=<id> …}, and
 * {@code checked <n>, matched <n>, mismatched <n>, unknown <n>}.
 */
public final class Reconciliation {

    /** Records, oldest first; {@code null} at the end. */
    @FunctionalInterface
    public interface RecordSource {
        StoredRecord next() throws IOException;
    }

    /** What the reconciliation found; {@code skipped} records had no generation id to look up. */
    public record Tally(long checked, long matched, long mismatched, long unknown, long skipped) {

        public boolean allMatched() {
            return mismatched == 0 && unknown == 0;
        }

        public String summary() {
            return "checked " + checked + ", matched " + matched + ", mismatched " + mismatched + ", unknown "
                    + unknown + (skipped > 0 ? " (" + skipped + (skipped == 1 ? " record" : " records")
                    + " without generation_id not checked)" : "");
        }
    }

    /** Lookups in flight at once. */
    static final int CONCURRENCY = 4;
    static final int WINDOW = 2 * CONCURRENCY;
    /**
     * A generation that ended longer ago than this is past OpenRouter's early-404 window: a 404
     * then means "unknown", and one retry is enough.
     */
    static final Duration SETTLED_AFTER = Duration.ofMinutes(10);

    private final GenerationSource source;
    private final BackoffPolicy policy;
    private final Clock clock;
    private final PrintStream out;

    public Reconciliation(GenerationSource source, BackoffPolicy policy, Clock clock, PrintStream out) {
        this.source = source;
        this.policy = policy;
        this.clock = clock;
        this.out = out;
    }

    private record Pending(StoredRecord record, Future<LookupOutcome> lookup) {
    }

    public Tally run(RecordSource records) throws IOException, ReconcileException, InterruptedException {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY, task -> {
            Thread t = new Thread(task, "openrouter-audit-reconcile-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Counts counts = new Counts();
        Deque<Pending> window = new ArrayDeque<>(WINDOW);
        try {
            for (StoredRecord record = records.next(); record != null; record = records.next()) {
                String id = record.generationId();
                if (id == null || id.isBlank()) {
                    counts.skipped++;
                    continue;
                }
                BackoffPolicy forRecord = policyFor(record);
                window.addLast(new Pending(record, pool.submit(() -> source.lookup(id, forRecord))));
                if (window.size() >= WINDOW) {
                    report(window.removeFirst(), counts);
                }
            }
            while (!window.isEmpty()) {
                report(window.removeFirst(), counts);
            }
        } finally {
            pool.shutdownNow();
        }
        out.flush();
        return new Tally(counts.checked, counts.matched, counts.mismatched, counts.unknown, counts.skipped);
    }

    /** The full backoff for recent generations, one retry for those that ended long ago. */
    BackoffPolicy policyFor(StoredRecord record) {
        Instant started = record.timestamp();
        if (started == null) {
            return policy;
        }
        Instant ended = started.plusMillis(record.latencyMs() == null ? 0 : Math.max(0, record.latencyMs()));
        return Duration.between(ended, clock.instant()).compareTo(SETTLED_AFTER) > 0 ? policy.oneRetry() : policy;
    }

    private void report(Pending pending, Counts counts) throws ReconcileException, InterruptedException {
        LookupOutcome outcome = outcomeOf(pending);
        StoredRecord record = pending.record();
        counts.checked++;
        String who = "seq=" + record.seq() + " generation_id=" + token(record.generationId());
        if (outcome instanceof LookupOutcome.NotFound notFound) {
            counts.unknown++;
            out.println("UNKNOWN " + who + " OpenRouter does not know this generation (HTTP 404 after "
                    + notFound.attempts() + (notFound.attempts() == 1 ? " attempt" : " attempts") + " over "
                    + String.format(Locale.ROOT, "%.1f", notFound.waited().toMillis() / 1000.0) + " s)");
            return;
        }
        List<Difference> differences = RecordComparison.compare(record, ((LookupOutcome.Found) outcome).stats());
        if (differences.isEmpty()) {
            counts.matched++;
            return;
        }
        counts.mismatched++;
        for (Difference d : differences) {
            out.println("MISMATCH " + who + " field=" + d.field() + " journal=" + d.journalValue()
                    + " openrouter=" + d.openRouterValue());
        }
    }

    private static LookupOutcome outcomeOf(Pending pending) throws ReconcileException, InterruptedException {
        try {
            return pending.lookup().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ReconcileException r) {
                throw r;
            }
            if (cause instanceof InterruptedException i) {
                throw i;
            }
            throw new ReconcileException("the lookup of generation " + pending.record().generationId()
                    + " failed: " + cause);
        } catch (CancellationException e) {
            throw new InterruptedException("cancelled");
        }
    }

    /** A generation id as one token of a report line: as is when plain, quoted otherwise. */
    private static String token(String id) {
        return id.matches("[A-Za-z0-9_.:\\-]+") ? id : RecordComparison.text(id);
    }

    private static final class Counts {
        long checked;
        long matched;
        long mismatched;
        long unknown;
        long skipped;
    }
}
