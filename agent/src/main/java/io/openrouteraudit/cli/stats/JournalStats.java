package io.openrouteraudit.cli.stats;

import io.openrouteraudit.journal.JournalReader;
import io.openrouteraudit.journal.StoredRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records grouped by one {@link GroupBy}, one {@link GroupStats} per key, plus a total over every
 * record that fell in at least one group (for {@link GroupBy#POLICY} a record with several
 * violations is in several groups but counted once in the total; one without is in neither).
 * Memory grows with the number of groups, never with the number of records.
 */
public final class JournalStats {

    private final GroupBy by;
    private final Map<String, GroupStats> groups = new HashMap<>();
    private final GroupStats total = new GroupStats(null);
    private boolean counted;

    public JournalStats(GroupBy by) {
        this.by = by;
    }

    /**
     * Reads a journal once, oldest first, and groups the records inside {@code window} by each of
     * {@code groupings}. A missing journal, or a stored line that is not a record, is an
     * {@link IOException} with a one-line message.
     */
    public static Map<GroupBy, JournalStats> collect(Path dir, TimeWindow window, Collection<GroupBy> groupings)
            throws IOException {
        Map<GroupBy, JournalStats> result = new EnumMap<>(GroupBy.class);
        for (GroupBy g : groupings) {
            result.put(g, new JournalStats(g));
        }
        List<JournalStats> all = List.copyOf(result.values());
        try (JournalReader reader = JournalReader.open(dir)) {
            long lastSeq = 0;
            for (String line = reader.next(); line != null; line = reader.next()) {
                StoredRecord r = parse(line, lastSeq);
                lastSeq = r.seq();
                if (window.contains(r.timestamp())) {
                    for (JournalStats s : all) {
                        s.add(r);
                    }
                }
            }
        }
        return result;
    }

    /** {@link #collect} for one grouping. */
    public static JournalStats collect(Path dir, TimeWindow window, GroupBy by) throws IOException {
        return collect(dir, window, List.of(by)).get(by);
    }

    private static StoredRecord parse(String line, long previousSeq) throws IOException {
        try {
            return StoredRecord.parse(line);
        } catch (IOException | RuntimeException e) {
            throw new IOException("the journal is damaged: the record after seq " + previousSeq
                    + " is not readable (run verify)", e);
        }
    }

    public GroupBy by() {
        return by;
    }

    /** Adds one record to its group(s) and, when it is in any, to the total. */
    public void add(StoredRecord r) {
        counted = false;
        by.keysOf(r, key -> {
            groups.computeIfAbsent(key, GroupStats::new).add(r);
            counted = true;
        });
        if (counted) {
            total.add(r);
        }
    }

    /**
     * The groups in report order: by day ascending for {@link GroupBy#DAY}, otherwise by cost
     * descending, then requests descending, then key; the {@code null} key last among equals.
     */
    public List<GroupStats> groups() {
        List<GroupStats> sorted = new ArrayList<>(groups.values());
        Comparator<GroupStats> byKey = Comparator.comparing(GroupStats::key,
                Comparator.nullsLast(Comparator.naturalOrder()));
        if (by == GroupBy.DAY) {
            sorted.sort(byKey);
        } else {
            sorted.sort(Comparator.comparing(GroupStats::cost, Comparator.reverseOrder())
                    .thenComparing(GroupStats::requests, Comparator.reverseOrder())
                    .thenComparing(byKey));
        }
        return sorted;
    }

    /** The group of a key ({@code null} for records without one), or {@code null} when absent. */
    public GroupStats group(String key) {
        return groups.get(key);
    }

    /** Every record that is in at least one group, each counted once. */
    public GroupStats total() {
        return total;
    }
}
