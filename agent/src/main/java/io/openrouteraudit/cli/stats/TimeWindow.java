package io.openrouteraudit.cli.stats;

import java.time.Instant;

/** {@code --since} (inclusive) and {@code --until} (exclusive); either may be {@code null} (open). */
public record TimeWindow(Instant since, Instant until) {

    public static final TimeWindow ALL = new TimeWindow(null, null);

    public boolean isOpen() {
        return since == null && until == null;
    }

    /** Whether a record of this timestamp is inside; an undated record is only inside an open window. */
    public boolean contains(Instant at) {
        if (isOpen()) {
            return true;
        }
        return at != null && (since == null || !at.isBefore(since)) && (until == null || at.isBefore(until));
    }
}
