package io.openrouteraudit.journal;

import io.openrouteraudit.audit.AuditRecord;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Room left on the journal's file system, asked before each append. The journal is a
 * memory-mapped file: on a full disk (tmpfs, or ext4 with delayed allocation) a store into a
 * page that has no block yet is not an error code but a {@code SIGBUS}, which the JVM turns
 * into an {@link InternalError} that it may raise later, in whatever code runs next - the
 * application's. So a full disk must be seen before Chronicle touches a new page, never by it.
 */
final class JournalSpace {

    /**
     * Kept free beyond the record itself: Chronicle's index arrays and the header of the next
     * excerpt may land on pages not yet backed by the disk.
     */
    static final long RESERVE_BYTES = 1L << 20;

    /** A record without prompt or completion text fits in this, with room to spare. */
    static final long FIXED_FIELDS_BYTES = 16 * 1024;
    /** A UTF-16 char becomes at most 6 bytes of JSON ({@code \}{@code uXXXX}). */
    private static final int BYTES_PER_CHAR = 6;

    /**
     * With this much usable, the answer is reused for {@link #RECHECK_NANOS}: a {@code statvfs}
     * costs microseconds, an append one; for the disk to fill meanwhile, something would have to
     * write hundreds of megabytes in a tenth of a second. Below it, every append asks.
     */
    private static final long PLENTY_BYTES = 256L << 20;
    private static final long RECHECK_NANOS = 100_000_000L;

    private final FileStore storeOrNull;
    private long usableAtCheck;
    private long checkedAtNanos;
    private long bytesSinceCheck;

    private JournalSpace(FileStore storeOrNull) {
        this.storeOrNull = storeOrNull;
    }

    /** The file system holding {@code dir}; if it cannot be told, appends are not held back. */
    static JournalSpace of(Path dir) {
        try {
            return new JournalSpace(Files.getFileStore(dir));
        } catch (IOException | RuntimeException e) {
            return new JournalSpace(null);
        }
    }

    /** An upper bound of the bytes {@code record} takes in the journal. */
    static long estimatedBytes(AuditRecord record) {
        long chars = length(record.prompt()) + length(record.completion()) + length(record.userId())
                + length(record.sessionId()) + length(record.appTitle()) + length(record.appReferer());
        return FIXED_FIELDS_BYTES + BYTES_PER_CHAR * chars;
    }

    /** Whether {@code bytes} more (and the reserve) fit. */
    synchronized boolean hasRoomFor(long bytes) {
        long now = System.nanoTime();
        if (checkedAtNanos != 0 && now - checkedAtNanos < RECHECK_NANOS
                && usableAtCheck - bytesSinceCheck - bytes >= PLENTY_BYTES) {
            bytesSinceCheck += bytes;
            return true;
        }
        usableAtCheck = usableBytes();
        checkedAtNanos = now;
        bytesSinceCheck = bytes;
        return usableAtCheck >= RESERVE_BYTES + bytes;
    }

    /** Usable bytes, or {@link Long#MAX_VALUE} when the file system cannot say. */
    long usableBytes() {
        if (storeOrNull == null) {
            return Long.MAX_VALUE;
        }
        try {
            return storeOrNull.getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }
}
