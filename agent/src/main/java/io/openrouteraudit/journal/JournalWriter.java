package io.openrouteraudit.journal;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.config.JournalRoll;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Appends records to the Chronicle Queue and keeps the chain: each record's {@code seq} and
 * {@code prev_hash} follow the last record in the queue, whichever process wrote it.
 *
 * <p>Two locks make that true: a {@link ReentrantLock} for the threads of this JVM, and an
 * OS file lock on {@code .chain.lock} for other JVMs sharing the directory. Under both, the
 * tip is re-read from the queue only when another process appended since our last write.
 */
public final class JournalWriter implements Closeable {

    private static final String LOCK_FILE = ".chain.lock";

    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final FileChannel lockChannel;
    private final ReentrantLock threads = new ReentrantLock();
    private final RecordEncoder encoder = new RecordEncoder();
    private final ChainHasher hasher = new ChainHasher();
    private final TipReader tipReader;
    private ChainTip tip;
    private long lastIndexWritten = Long.MIN_VALUE;

    private JournalWriter(SingleChronicleQueue queue, FileChannel lockChannel) {
        this.queue = queue;
        this.lockChannel = lockChannel;
        this.appender = queue.createAppender();
        // Appends are serialised by our own lock, from whichever thread ends an exchange.
        appender.singleThreadedCheckDisabled(true);
        this.tipReader = new TipReader(queue);
    }

    public static JournalWriter open(Path dir, JournalRoll roll) throws IOException {
        JournalDirectory.createOwnerOnly(dir);
        FileChannel lock = FileChannel.open(dir.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir)
                    .rollCycle(roll == JournalRoll.HOURLY ? RollCycles.FAST_HOURLY : RollCycles.FAST_DAILY)
                    .build();
            return new JournalWriter(queue, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw new IOException("cannot open the journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Appends one record and returns its {@code seq}. */
    public long append(AuditRecord record) throws IOException {
        threads.lock();
        try (FileLock ignored = lockChannel.lock()) {
            ChainTip current = currentTip();
            long seq = current.seq() + 1;
            String prefix = encoder.canonical(record, seq, current.recordHash());
            String hash = hasher.hash(current.recordHash(), JournalLine.canonicalBytes(prefix));
            byte[] line = JournalLine.compose(prefix, hash).getBytes(StandardCharsets.UTF_8);
            try (DocumentContext dc = appender.writingDocument()) {
                dc.wire().bytes().write(line);
            }
            lastIndexWritten = appender.lastIndexAppended();
            tip = new ChainTip(seq, hash);
            return seq;
        } catch (RuntimeException e) {
            throw new IOException("journal append failed: " + e.getMessage(), e);
        } finally {
            threads.unlock();
        }
    }

    private ChainTip currentTip() {
        long last = queue.lastIndex();
        if (tip == null || last != lastIndexWritten) {
            // First append of this process, or another process appended meanwhile.
            tip = tipReader.read();
            lastIndexWritten = last;
        }
        return tip;
    }

    @Override
    public void close() throws IOException {
        threads.lock();
        try {
            queue.close();
        } finally {
            threads.unlock();
            lockChannel.close();
        }
    }
}
