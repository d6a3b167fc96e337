package io.openrouteraudit.journal;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads the pages just past the journal's end into the page cache on a daemon thread, so that
 * the appending thread finds them there. The first touch of a file page that holds no data yet
 * makes the kernel zero it (ext4 reads a hole as zeros); on this kind of 2-core VM that costs
 * 3-5 µs per record, more than encoding, hashing and Chronicle together, when the appender's own
 * store into the mapped file takes the fault. Chronicle's pretoucher is an Enterprise feature (a
 * no-op in the open-source queue), hence this one.
 *
 * <p>It only reads, through its own read-only channel: it never writes, never extends the file
 * and never touches a mapped page, so it cannot change the journal's bytes, cannot race another
 * process's append and cannot raise a SIGBUS on a full disk (a read past the end of the file
 * just stops). Any failure ends the thread quietly; appends go on, paying for their own page
 * faults as before.
 *
 * <p>How far ahead follows how much this writer has appended to the cycle file: nothing until
 * a first {@link #WAKE_EVERY_BYTES}, then as much as it wrote, up to {@link #MAX_AHEAD_BYTES}. A
 * process that records a few calls never pays for pages it will not fill.
 */
final class JournalPretoucher implements AutoCloseable {

    /**
     * The most kept ready past the end: twice the largest read-ahead window seen (8 MB), so the
     * kernel's read-ahead, which the appender's page faults still trigger, finds its pages cached.
     */
    static final long MAX_AHEAD_BYTES = 16L << 20;
    /** The appender wakes the thread once per this many bytes written, not per record. */
    static final long WAKE_EVERY_BYTES = 1L << 20;
    private static final int PAGE_BYTES = 4096;
    private static final int READ_BYTES = 64 * 1024;

    private final Thread thread;

    // Written by the appender, the file last, so that a thread seeing a new file sees its range.
    private volatile long from;
    private volatile long until;
    private volatile File file;
    private volatile boolean closed;

    // The appender's, under the writer's lock.
    private File toldFile;
    private long firstEnd;
    private long wakeAt;

    // The thread's own.
    private final ByteBuffer block = ByteBuffer.allocateDirect(READ_BYTES);
    private FileChannel channel;
    private File channelFile;
    private long touchedUpTo;

    JournalPretoucher() {
        thread = new Thread(this::run, "openrouter-audit-journal-pretouch");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The record just appended ends at {@code end} of {@code cycleFile}. A comparison, except once
     * per {@link #WAKE_EVERY_BYTES}, when it wakes the thread.
     */
    void appendedUpTo(File cycleFile, long end) {
        if (cycleFile != toldFile) {
            toldFile = cycleFile;
            firstEnd = end;
            wakeAt = end + WAKE_EVERY_BYTES;
            return;
        }
        if (end >= wakeAt) {
            wakeAt = end + WAKE_EVERY_BYTES;
            from = end;
            until = end + Math.min(MAX_AHEAD_BYTES, end - firstEnd);
            file = cycleFile;
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        try {
            while (!closed) {
                File target = file;
                if (target != null) {
                    touch(target, from, until);
                }
                LockSupport.park(this);
            }
        } catch (IOException | RuntimeException | Error e) {
            // Nothing to tell: without it, appends only take their own page faults.
        } finally {
            closeChannel();
        }
    }

    private void touch(File target, long start, long end) throws IOException {
        if (target != channelFile) {
            closeChannel();
            channel = FileChannel.open(target.toPath(), StandardOpenOption.READ);
            channelFile = target;
            touchedUpTo = 0;
        }
        touchedUpTo = readPages(channel, Math.max(touchedUpTo, start - start % PAGE_BYTES), end, block);
    }

    /**
     * Reads {@code [at, end)} (whole pages) through the page cache and returns how far it got: to
     * {@code end}, or less at the end of the file.
     */
    static long readPages(FileChannel channel, long at, long end, ByteBuffer block) throws IOException {
        while (at < end) {
            block.clear();
            int read = channel.read(block, at);
            if (read < PAGE_BYTES) {
                // The end of the file: Chronicle grows it, a later wake goes on from here.
                return at;
            }
            at += read - read % PAGE_BYTES;
        }
        return at;
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // a read-only descriptor: nothing was pending
            }
            channel = null;
            channelFile = null;
        }
    }

    /** For tests: the thread, which ends after {@link #close()}. */
    Thread thread() {
        return thread;
    }

    /** Stops the thread, which closes its channel; does not wait for it. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
