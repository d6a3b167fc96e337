package io.openrouteraudit.capture;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A bounded tee target: copies at most {@code maxBytes} of a body as the application reads or
 * writes it, and notes when each chunk arrived (for time-to-first-token). Never blocks, never
 * keeps more than the bound, and never touches the caller's buffer position.
 */
public final class BodyCapture {

    private static final int INITIAL = 4096;
    // Enough arrival marks to place the first content event of any realistic stream.
    private static final int MAX_MARKS = 4096;
    private static final int TAIL = 32;

    private static final byte[] NONE = new byte[0];

    private final int maxBytes;
    private final CaptureBufferPool pool;
    private byte[] bytes = NONE;
    // Set once the exchange's record is written and the array went back to the pool.
    private boolean released;
    private int length;
    private long total;
    private long[] endOffsets = new long[16];
    private long[] nanos = new long[16];
    private int marks;
    // The last bytes seen, kept even past maxBytes: enough to recognise an end-of-stream marker.
    private final byte[] tail = new byte[TAIL];
    private int tailLength;

    public BodyCapture(int maxBytes) {
        this(maxBytes, null);
    }

    /** @param pool where the first 4 KB array comes from and goes back to; {@code null}: always fresh */
    public BodyCapture(int maxBytes, CaptureBufferPool pool) {
        this.maxBytes = maxBytes;
        this.pool = pool;
    }

    /** Copies what {@code chunk} has between position and limit; leaves the buffer as it was. */
    public synchronized void append(ByteBuffer chunk) {
        int remaining = chunk.remaining();
        if (remaining == 0 || released) {
            return;
        }
        total += remaining;
        int room = maxBytes - length;
        int take = Math.min(room, remaining);
        ByteBuffer view = chunk.duplicate();
        if (take > 0) {
            ensureCapacity(length + take);
            view.get(bytes, length, take);
            length += take;
        }
        int tailTake = Math.min(TAIL, remaining);
        view.position(chunk.limit() - tailTake);
        keepTail(view, tailTake);
        mark();
    }

    public synchronized void append(byte[] src, int off, int len) {
        if (len <= 0 || released) {
            return;
        }
        total += len;
        int take = Math.min(maxBytes - length, len);
        if (take > 0) {
            ensureCapacity(length + take);
            System.arraycopy(src, off, bytes, length, take);
            length += take;
        }
        int tailTake = Math.min(TAIL, len);
        keepTail(src, off + len - tailTake, tailTake);
        mark();
    }

    /** Bytes seen so far, including those past the bound. */
    public synchronized long total() {
        return total;
    }

    /** Whether the last non-blank bytes seen are {@code marker} (US-ASCII), e.g. a stream's {@code [DONE]}. */
    public synchronized boolean endsWith(String marker) {
        int end = tailLength;
        while (end > 0 && Character.isWhitespace(tail[end - 1])) {
            end--;
        }
        int n = marker.length();
        if (end < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (tail[end - n + i] != marker.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void keepTail(ByteBuffer src, int n) {
        int keep = shiftTailFor(n);
        src.get(tail, keep, n);
        tailLength = keep + n;
    }

    private void keepTail(byte[] src, int from, int n) {
        int keep = shiftTailFor(n);
        System.arraycopy(src, from, tail, keep, n);
        tailLength = keep + n;
    }

    /** Moves the last bytes kept to the front, leaving room for {@code n} more; returns how many stay. */
    private int shiftTailFor(int n) {
        int keep = Math.min(tailLength, TAIL - n);
        System.arraycopy(tail, tailLength - keep, tail, 0, keep);
        return keep;
    }

    /**
     * Forgets everything: a publisher is being replayed for another attempt. Fresh arrays,
     * because a snapshot taken earlier shares the old ones.
     */
    public synchronized void reset() {
        bytes = NONE;
        endOffsets = new long[16];
        nanos = new long[16];
        length = 0;
        total = 0;
        marks = 0;
        tailLength = 0;
    }

    /**
     * The exchange's record is written and no snapshot of this capture is used any more: its
     * array goes back to the pool; later appends (the application reading on) are ignored.
     */
    public synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        if (pool != null && bytes.length == CaptureBufferPool.BUFFER_BYTES) {
            pool.give(bytes);
        }
        bytes = NONE;
        length = 0;
    }

    public synchronized BodySnapshot snapshot() {
        if (total == 0) {
            return BodySnapshot.EMPTY;
        }
        return new BodySnapshot(bytes, length, total, total > length,
                endOffsets, nanos, marks);
    }

    private void mark() {
        if (marks == MAX_MARKS) {
            return;
        }
        if (marks == endOffsets.length) {
            endOffsets = Arrays.copyOf(endOffsets, marks * 2);
            nanos = Arrays.copyOf(nanos, marks * 2);
        }
        endOffsets[marks] = Math.min(total, length);
        nanos[marks] = System.nanoTime();
        marks++;
    }

    private void ensureCapacity(int needed) {
        if (needed <= bytes.length) {
            return;
        }
        if (bytes.length == 0 && pool != null && needed <= CaptureBufferPool.BUFFER_BYTES
                && maxBytes >= CaptureBufferPool.BUFFER_BYTES) {
            // A pooled array may hold another exchange's old bytes: only [0, length) is ever read.
            bytes = pool.take();
            return;
        }
        int grown = Math.max(needed, Math.max(INITIAL, bytes.length * 2));
        bytes = Arrays.copyOf(bytes, Math.min(grown, maxBytes));
    }
}
