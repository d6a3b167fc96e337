package io.openrouteraudit.capture;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The 4 KB arrays the tees copy bodies into, handed back when an exchange's record is written
 * and reused by the next exchanges: a typical completion fits in one, so a call no longer
 * allocates (and the young generation no longer churns through) two fresh ones.
 *
 * <p>Lock-free and bounded: a taker scans the slots for an array, a giver for an empty slot; a
 * miss allocates, a full pool lets the array go. Nothing waits, whichever thread takes or gives.
 */
public final class CaptureBufferPool {

    /** The only size pooled: what a capture starts with; larger (grown) arrays are not kept. */
    public static final int BUFFER_BYTES = 4096;

    private final AtomicReferenceArray<byte[]> slots;

    /** @param capacity arrays kept at most ({@code capacity * 4 KB} retained when idle) */
    public CaptureBufferPool(int capacity) {
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    byte[] take() {
        int n = slots.length();
        int start = startSlot(n);
        for (int i = 0; i < n; i++) {
            int at = (start + i) % n;
            byte[] array = slots.get(at);
            if (array != null && slots.compareAndSet(at, array, null)) {
                return array;
            }
        }
        return new byte[BUFFER_BYTES];
    }

    /** Hands {@code array} back; its owner must never touch it again. */
    void give(byte[] array) {
        if (array.length != BUFFER_BYTES) {
            return;
        }
        int n = slots.length();
        int start = startSlot(n);
        for (int i = 0; i < n; i++) {
            int at = (start + i) % n;
            if (slots.get(at) == null && slots.compareAndSet(at, null, array)) {
                return;
            }
        }
    }

    /** Threads start their scan in different places, so concurrent callers rarely collide. */
    private static int startSlot(int n) {
        return (int) ((Thread.currentThread().getId() * 0x9E3779B9L) >>> 16 & 0x7FFFFFFF) % n;
    }
}
