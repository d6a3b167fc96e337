package io.openrouteraudit.cli.report;

import io.openrouteraudit.cli.stats.GroupBy;
import io.openrouteraudit.cli.stats.GroupStats;
import io.openrouteraudit.cli.stats.JournalStats;
import io.openrouteraudit.cli.stats.TimeWindow;
import io.openrouteraudit.journal.StoredRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The report's figures, gathered one stored line at a time with {@code stats}' own grouping
 * ({@link JournalStats} per model, day, provider, user, key and policy rule), plus the period
 * covered and the latest few violating records. Memory grows with the number of distinct
 * groups, never with the number of records.
 */
public final class ReportData {

    /** How many of the most recent violating records the report lists. */
    public static final int LATEST_VIOLATIONS = 20;

    /** One violating record, as the report lists it. */
    public record Violation(long seq, Instant timestamp, String model, String provider, String userId,
            String keyFingerprint, String status, List<String> rules) {
    }

    private final TimeWindow window;
    private final GroupStats total = new GroupStats(null);
    private final Map<GroupBy, JournalStats> by = new EnumMap<>(GroupBy.class);
    private final ArrayDeque<Violation> latestViolations = new ArrayDeque<>();
    private long undated;
    private long unreadable;
    private long outsideWindow;
    private Instant first;
    private Instant last;

    /** Figures for the records inside {@code window} (undated records only when it is open). */
    public ReportData(TimeWindow window) {
        this.window = window;
        for (GroupBy g : GroupBy.values()) {
            by.put(g, new JournalStats(g));
        }
    }

    /** Adds one stored line. A line that is not a record is counted, not added (the chain status names it). */
    public void accept(String line) {
        StoredRecord r;
        try {
            r = StoredRecord.parse(line);
        } catch (IOException | RuntimeException e) {
            unreadable++;
            return;
        }
        accept(r);
    }

    public void accept(StoredRecord r) {
        Instant at = r.timestamp();
        if (!window.contains(at)) {
            outsideWindow++;
            return;
        }
        total.add(r);
        for (JournalStats s : by.values()) {
            s.add(r);
        }
        if (at == null) {
            undated++;
        } else {
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
        if (!r.policyViolations().isEmpty()) {
            if (latestViolations.size() == LATEST_VIOLATIONS) {
                latestViolations.removeFirst();
            }
            latestViolations.addLast(new Violation(r.seq(), at, r.model(), r.provider(), r.userId(),
                    r.keyFingerprint(), r.status(), r.policyViolations()));
        }
    }

    public TimeWindow window() {
        return window;
    }

    /** Every record in the window. */
    public GroupStats total() {
        return total;
    }

    /**
     * The groups of one grouping in {@code stats}' order: days ascending (undated last, keyed
     * {@code null}); otherwise by cost, then requests, highest first.
     */
    public List<GroupStats> groups(GroupBy grouping) {
        return by.get(grouping).groups();
    }

    /** The first {@code n} groups of one grouping. */
    public List<GroupStats> top(GroupBy grouping, int n) {
        List<GroupStats> all = groups(grouping);
        return all.subList(0, Math.min(n, all.size()));
    }

    /** How many distinct keys a grouping has. */
    public int distinct(GroupBy grouping) {
        return by.get(grouping).groups().size();
    }

    /** Records that broke at least one policy rule. */
    public long violatingRecords() {
        return by.get(GroupBy.POLICY).total().requests();
    }

    /** Up to {@link #LATEST_VIOLATIONS} violating records, newest (last read) first. */
    public List<Violation> latestViolations() {
        List<Violation> newestFirst = new ArrayList<>(latestViolations);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The earliest timestamp in the report, or null when it has no dated record. */
    public Instant first() {
        return first;
    }

    public Instant last() {
        return last;
    }

    /** Records without a timestamp (counted in the totals, on no day). */
    public long undated() {
        return undated;
    }

    /** Stored lines that are not readable records. */
    public long unreadable() {
        return unreadable;
    }

    /** Records left out by {@code --since}/{@code --until}. */
    public long outsideWindow() {
        return outsideWindow;
    }
}
