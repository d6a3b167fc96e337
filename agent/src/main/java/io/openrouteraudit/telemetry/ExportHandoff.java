package io.openrouteraudit.telemetry;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Records from the application's threads to the one export thread, bounded, without a lock.
 *
 * <p>A blocking queue would take a lock on the application's thread and wake the export thread
 * for every record; on a small machine that wake-up and the context switch behind it cost more
 * than building the record's span. Here an offer is a compare-and-set, and the export thread
 * wakes on its own clock ({@link #awaitWork}), or early when the backlog reaches a quarter of the
 * bound, or when {@link #wake} is called at exit. The spans are batched by the SDK afterwards in
 * any case, so the clock adds nothing a collector would notice.
 */
final class ExportHandoff<T> {

    private final Queue<T> items = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final int capacity;
    private final int wakeAt;
    private volatile Thread consumer;

    ExportHandoff(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.wakeAt = Math.max(1, capacity / 4);
    }

    /** Adds {@code item} unless the bound is reached; never blocks. */
    boolean offer(T item) {
        int now;
        do {
            now = count.get();
            if (now >= capacity) {
                return false;
            }
        } while (!count.compareAndSet(now, now + 1));
        items.offer(item);
        if (now + 1 == wakeAt) {
            wake();
        }
        return true;
    }

    /** The oldest item, or {@code null} when there is none. Called by the consumer only. */
    T poll() {
        T item = items.poll();
        if (item != null) {
            count.decrementAndGet();
        }
        return item;
    }

    int size() {
        return count.get();
    }

    /** Names the thread that {@link #awaitWork} parks and {@link #wake} unparks. */
    void consumeOn(Thread thread) {
        consumer = thread;
    }

    /** Parks the consumer for at most {@code nanos}, or until {@link #wake}; returns at once if woken before. */
    void awaitWork(long nanos) {
        if (items.isEmpty()) {
            LockSupport.parkNanos(this, nanos);
        }
    }

    /** Makes the consumer's current or next {@link #awaitWork} return. */
    void wake() {
        Thread thread = consumer;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Drops everything queued; returns how many items that was. */
    int clear() {
        int cleared = 0;
        while (poll() != null) {
            cleared++;
        }
        return cleared;
    }
}
