package io.openrouteraudit.journal;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.config.JournalRoll;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Appends records to the Chronicle Queue and keeps the chain: each record's {@code seq} and
 * {@code prev_hash} follow the last record in the queue, whichever process wrote it.
 *
 * <p>Threads of this JVM take turns on a {@link ReentrantLock}. Across processes, Chronicle's
 * own write lock (held from {@code writingDocument()} to its close) is the serialisation
 * point: inside it, a {@link ChainFollower} reads whatever other processes appended since our
 * last record - nothing, almost always, at the cost of one header read - so the record is
 * encoded and hashed against the true tip before it is committed.
 *
 * <p>A {@link JournalPretoucher} keeps the pages past the end in the page cache, so that the
 * appender's stores into the mapped file do not wait for the kernel to zero fresh pages.
 */
public final class JournalWriter implements Closeable {

    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final ChainFollower follower;
    private final ReentrantLock threads = new ReentrantLock();
    private final RecordEncoder encoder = new RecordEncoder();
    private final ChainHasher hasher = new ChainHasher();
    private final Utf8LineBuffer line = new Utf8LineBuffer(8192);
    private final JournalSpace space;
    private final byte[] recordHash = new byte[64];
    private final JournalPretoucher pretoucher;
    private int pretouchedCycle = Integer.MIN_VALUE;
    private File cycleFile;

    private JournalWriter(SingleChronicleQueue queue, JournalSpace space) {
        this.queue = queue;
        this.space = space;
        this.appender = queue.createAppender();
        // One appender, used under our lock from whichever thread ends an exchange.
        appender.singleThreadedCheckDisabled(true);
        this.follower = new ChainFollower(queue);
        this.pretoucher = new JournalPretoucher();
    }

    public static JournalWriter open(Path dir, JournalRoll roll) throws IOException {
        return open(dir, roll, (TimeProvider) null);
    }

    /**
     * For tests: as {@link #open(Path, JournalRoll)}, but the queue takes the time - and so the
     * cycle file each record goes to - from {@code time}, so old cycles can be written today;
     * {@code null} for the clock.
     */
    static JournalWriter open(Path dir, JournalRoll roll, TimeProvider time) throws IOException {
        JournalDirectory.createOwnerOnly(dir);
        // Before any Chronicle class initialises.
        ChronicleScratchDirectory.confineTo(dir);
        SingleChronicleQueue queue = null;
        try {
            SingleChronicleQueueBuilder builder = SingleChronicleQueueBuilder.binary(dir)
                    .rollCycle(roll == JournalRoll.HOURLY ? RollCycles.FAST_HOURLY : RollCycles.FAST_DAILY);
            if (time != null) {
                builder.timeProvider(time);
            }
            queue = builder.build();
            return new JournalWriter(queue, JournalSpace.of(dir));
        } catch (RuntimeException | Error e) {
            // An Error too: opening on a full disk may fault in a mapped page.
            if (queue != null) {
                queue.close();
            }
            throw new IOException("cannot open the journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Retention: deletes the rolled cycle files that ended at or before {@code cutoff} (see
     * {@link JournalRetention}), then lets the queue - and every process reading its directory
     * listing - see that the journal now starts later. Appends go on meanwhile; only the short
     * catch-up of the chain follower and the listing refresh take the writer's lock.
     */
    JournalRetention.Outcome retireCyclesBefore(Instant cutoff) {
        threads.lock();
        try {
            // Park our chain follower on the newest record first, so that it never sits in a file
            // about to go (other processes may have appended many cycles since our last record).
            follower.catchUp();
        } catch (RuntimeException e) {
            return new JournalRetention.Outcome(java.util.List.of(), new IOException(
                    "the journal's newest records are unreadable; nothing deleted: " + e.getMessage(), e));
        } finally {
            threads.unlock();
        }
        JournalRetention.Outcome outcome = JournalRetention.deleteRolledCycles(queue, cutoff);
        if (!outcome.deleted().isEmpty()) {
            threads.lock();
            try {
                queue.refreshDirectoryListing();
            } catch (RuntimeException e) {
                return new JournalRetention.Outcome(outcome.deleted(),
                        new IOException("cannot refresh the journal's file listing: " + e.getMessage(), e));
            } finally {
                threads.unlock();
            }
        }
        return outcome;
    }

    /**
     * Appends one record and returns its {@code seq}. Throws {@link JournalFullException}, and
     * writes nothing, when the file system has no room for it (see {@link JournalSpace}).
     */
    public long append(AuditRecord record) throws IOException {
        threads.lock();
        try {
            long needed = JournalSpace.estimatedBytes(record);
            if (!space.hasRoomFor(needed)) {
                throw new JournalFullException("no room on the journal's file system ("
                        + space.usableBytes() + " bytes usable, " + (JournalSpace.RESERVE_BYTES + needed)
                        + " needed)");
            }
            long seq;
            long end;
            try (DocumentContext dc = appender.writingDocument()) {
                try {
                    ChainTip tip = follower.catchUp();
                    seq = tip.seq() + 1;
                    // Encoded once as UTF-8 into reused buffers, no strings: the hash covers the prefix
                    // closed with '}', the stored line is the same prefix followed by record_hash.
                    line.clear();
                    encoder.encode(record, seq, tip, line);
                    hasher.hashClosed(tip.recordHashAscii(), line.bytes(), line.length(), recordHash);
                    line.ascii(JournalLine.HASH_KEY).append(recordHash, 0, recordHash.length).ascii(JournalLine.LINE_END);
                    Bytes<?> bytes = dc.wire().bytes();
                    bytes.write(line.bytes(), 0, line.length());
                    end = bytes.writePosition();
                } catch (RuntimeException | Error e) {
                    // Closing would commit a half-written excerpt into the chain.
                    dc.rollbackOnClose();
                    throw e;
                }
            }
            follower.appendedByUs(appender.lastIndexAppended(), seq, recordHash);
            pretouchPast(end);
            return seq;
        } catch (RuntimeException | Error e) {
            // An Error too: a fault in the mapped file (InternalError) must reach the sink's
            // failure handling, not the application's thread.
            throw new IOException("journal append failed: " + e.getMessage(), e);
        } finally {
            threads.unlock();
        }
    }

    private void pretouchPast(long end) {
        try {
            int cycle = appender.cycle();
            if (cycle != pretouchedCycle) {
                pretouchedCycle = cycle;
                cycleFile = appender.currentFile();
            }
            pretoucher.appendedUpTo(cycleFile, end);
        } catch (RuntimeException e) {
            // The record is committed: an append must not be reported failed for a missed pretouch.
        }
    }

    /** Whether a record of ordinary size would fit on the file system now. */
    boolean hasRoom() {
        return space.hasRoomFor(JournalSpace.FIXED_FIELDS_BYTES);
    }

    @Override
    public void close() {
        threads.lock();
        try {
            pretoucher.close();
            follower.close();
            queue.close();
        } finally {
            threads.unlock();
        }
    }
}
