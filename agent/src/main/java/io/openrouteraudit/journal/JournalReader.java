package io.openrouteraudit.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/** Reads stored lines in order, oldest first, in constant memory. */
public final class JournalReader implements Closeable {

    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private long lastIndexRead = Long.MIN_VALUE;
    private long read;

    private JournalReader(SingleChronicleQueue queue) {
        this.queue = queue;
        this.tailer = queue.createTailer();
    }

    /** Opens an existing journal read-only; a directory without one is an error. */
    public static JournalReader open(Path dir) throws IOException {
        if (!JournalDirectory.holdsJournal(dir)) {
            throw new IOException("no journal in " + dir);
        }
        ChronicleScratchDirectory.confineToTemporary();
        try {
            return new JournalReader(SingleChronicleQueueBuilder.binary(dir).readOnly(true).build());
        } catch (RuntimeException e) {
            throw new IOException("cannot open the journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The next stored line, or {@code null} at the end. */
    public String next() throws IOException {
        String line = readOne();
        if (line == null && lastIndexOfQueue() != lastIndexRead) {
            // Either another process just appended, or a damaged header hides the rest.
            line = readOne();
            if (line == null) {
                checkNothingUnreadable();
            }
        } else if (line == null && read == 0) {
            checkNothingUnreadable();
        }
        return line;
    }

    /**
     * Positions a fresh reader (before its first {@link #next()}) so that {@code next()} returns the
     * newest {@code n} records, oldest of them first, then whatever is appended after them; every
     * record when the journal holds {@code n} or fewer. Reads back from the end, so the cost grows
     * with {@code n}, not with the journal. {@code n = 0} starts after the newest record.
     */
    public void startAtNewest(long n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n);
        }
        if (read != 0) {
            throw new IllegalStateException("startAtNewest after next()");
        }
        long before = Long.MIN_VALUE;
        try (ExcerptTailer back = queue.createTailer()) {
            back.direction(TailerDirection.BACKWARD).toEnd();
            for (long seen = 0; seen <= n; seen++) {
                try (DocumentContext dc = back.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    before = seen == n ? dc.index() : before;
                }
            }
        } catch (RuntimeException | AssertionError e) {
            throw new IOException("the journal is damaged: " + e.getMessage(), e);
        }
        if (before != Long.MIN_VALUE) {
            // The (n+1)-th newest record: read here, so the damage checks of next() count it as
            // seen, and not returned.
            try {
                tailer.moveToIndex(before);
            } catch (RuntimeException | AssertionError e) {
                throw new IOException("the journal is damaged: " + e.getMessage(), e);
            }
            if (readOne() == null) {
                throw new IOException("the journal is damaged: the record at index "
                        + Long.toHexString(before) + " cannot be read");
            }
        }
    }

    private String readOne() throws IOException {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return null;
            }
            lastIndexRead = dc.index();
            read++;
            return new String(dc.wire().bytes().toByteArray(), StandardCharsets.UTF_8);
        } catch (RuntimeException | AssertionError e) {
            throw new IOException("the journal is damaged: " + e.getMessage(), e);
        }
    }

    private long lastIndexOfQueue() throws IOException {
        try {
            return queue.lastIndex();
        } catch (RuntimeException | AssertionError e) {
            // Chronicle asserts on some damaged headers when run with -ea.
            throw new IOException("the journal is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * At the end of what the tailer can read, the queue's own index must agree: a damaged
     * excerpt header stops a tailer as if the journal ended there, and that must not pass
     * for a clean end.
     */
    private void checkNothingUnreadable() throws IOException {
        long last = lastIndexOfQueue();
        if (read == 0) {
            throw new IOException("the journal is damaged: it has cycle files but no readable record");
        }
        if (last != lastIndexRead) {
            throw new IOException("the journal is damaged: reading stopped after " + read
                    + " records, before the queue's last entry");
        }
    }

    @Override
    public void close() {
        tailer.close();
        queue.close();
    }
}
