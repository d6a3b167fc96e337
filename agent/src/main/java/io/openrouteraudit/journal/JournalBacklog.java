package io.openrouteraudit.journal;

import io.openrouteraudit.audit.AuditRecord;
import java.util.ArrayDeque;

/**
 * Records that could not be written while the journal was failing, oldest first, kept in the
 * application's memory until the journal can take them. Bounded in count and in estimated
 * bytes: past either bound further records are refused and counted, never the heap exhausted.
 */
final class JournalBacklog {

    private final int maxRecords;
    private final long maxBytes;
    private final ArrayDeque<AuditRecord> records = new ArrayDeque<>();
    private long bytes;
    private long refused;

    JournalBacklog(int maxRecords, long maxBytes) {
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    /** Keeps {@code record} at the end, or refuses it (false) when the backlog is full. */
    synchronized boolean offer(AuditRecord record) {
        long size = JournalSpace.estimatedBytes(record);
        if (records.size() >= maxRecords || bytes + size > maxBytes) {
            refused++;
            return false;
        }
        records.addLast(record);
        bytes += size;
        return true;
    }

    /** The oldest record, left in place until {@link #removeOldest()}; null when empty. */
    synchronized AuditRecord oldest() {
        return records.peekFirst();
    }

    synchronized void removeOldest() {
        AuditRecord removed = records.pollFirst();
        if (removed != null) {
            bytes -= JournalSpace.estimatedBytes(removed);
        }
    }

    synchronized boolean isEmpty() {
        return records.isEmpty();
    }

    synchronized int size() {
        return records.size();
    }

    /** How many records were refused since the agent started: each one is lost. */
    synchronized long refused() {
        return refused;
    }
}
