package io.openrouteraudit.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExportHandoffTest {

    private static final long LONG_PARK = TimeUnit.SECONDS.toNanos(30);

    @Test
    void keepsOrderAndRefusesPastItsBound() {
        ExportHandoff<Integer> handoff = new ExportHandoff<>(3);
        assertTrue(handoff.offer(1));
        assertTrue(handoff.offer(2));
        assertTrue(handoff.offer(3));
        assertFalse(handoff.offer(4), "a full hand-off refuses instead of blocking");
        assertEquals(3, handoff.size());
        assertEquals(1, handoff.poll());
        assertTrue(handoff.offer(5), "room again once the consumer took one");
        assertEquals(2, handoff.poll());
        assertEquals(3, handoff.poll());
        assertEquals(5, handoff.poll());
        assertNull(handoff.poll());
        assertEquals(0, handoff.size());
    }

    @Test
    void clearSaysHowManyItDropped() {
        ExportHandoff<String> handoff = new ExportHandoff<>(10);
        handoff.offer("a");
        handoff.offer("b");
        assertEquals(2, handoff.clear());
        assertEquals(0, handoff.size());
        assertTrue(handoff.offer("c"));
    }

    @Test
    void rejectsANonPositiveBound() {
        assertThrows(IllegalArgumentException.class, () -> new ExportHandoff<>(0));
    }

    @Test
    void wakeEndsAParkThatWouldOtherwiseLastThirtySeconds() throws Exception {
        ExportHandoff<String> handoff = new ExportHandoff<>(100);
        CountDownLatch returned = new CountDownLatch(1);
        Thread consumer = parkedConsumer(handoff, returned);
        handoff.wake();
        assertTrue(returned.await(10, TimeUnit.SECONDS), "the consumer was not woken");
        consumer.join(10_000);
    }

    @Test
    void aWakeBeforeTheParkIsNotLost() throws Exception {
        ExportHandoff<String> handoff = new ExportHandoff<>(100);
        AtomicBoolean woken = new AtomicBoolean();
        CountDownLatch returned = new CountDownLatch(1);
        Thread consumer = new Thread(() -> {
            // Spins rather than blocks: a blocking wait would itself use up the unpark.
            while (!woken.get()) {
                Thread.onSpinWait();
            }
            handoff.awaitWork(LONG_PARK);
            returned.countDown();
        });
        handoff.consumeOn(consumer);
        consumer.start();
        handoff.wake();
        woken.set(true);
        assertTrue(returned.await(10, TimeUnit.SECONDS), "a wake that came first was lost");
        consumer.join(10_000);
    }

    @Test
    void aBacklogOfAQuarterOfTheBoundWakesTheConsumer() throws Exception {
        ExportHandoff<Integer> handoff = new ExportHandoff<>(8);
        CountDownLatch returned = new CountDownLatch(1);
        Thread consumer = parkedConsumer(handoff, returned);
        handoff.offer(1);
        assertFalse(returned.await(200, TimeUnit.MILLISECONDS), "one record alone must not wake the consumer");
        handoff.offer(2);
        assertTrue(returned.await(10, TimeUnit.SECONDS), "a quarter of the bound queued did not wake the consumer");
        consumer.join(10_000);
    }

    /** A consumer already parked in a thirty-second {@code awaitWork} on an empty hand-off; counts {@code returned} down once it returns. */
    private static Thread parkedConsumer(ExportHandoff<?> handoff, CountDownLatch returned) {
        Thread consumer = new Thread(() -> {
            handoff.awaitWork(LONG_PARK);
            returned.countDown();
        });
        handoff.consumeOn(consumer);
        consumer.start();
        while (consumer.getState() != Thread.State.TIMED_WAITING && returned.getCount() > 0) {
            Thread.onSpinWait();
        }
        return consumer;
    }

    @Test
    void awaitReturnsAtOnceWhenSomethingIsQueued() {
        ExportHandoff<Integer> handoff = new ExportHandoff<>(100);
        handoff.consumeOn(Thread.currentThread());
        handoff.offer(1);
        long start = System.nanoTime();
        handoff.awaitWork(LONG_PARK);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "parked with work queued");
    }

    @Test
    void concurrentProducersNeitherLoseNorOverfill() throws Exception {
        int producers = 8;
        int each = 5_000;
        int capacity = 10_000;
        ExportHandoff<Integer> handoff = new ExportHandoff<>(capacity);
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            int base = p * each;
            threads[p] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    if (handoff.offer(base + i)) {
                        accepted.incrementAndGet();
                    }
                }
            });
            threads[p].start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertEquals(capacity, accepted.get(), "exactly the bound is accepted when nothing is taken");
        assertEquals(capacity, handoff.size());
        Set<Integer> seen = new HashSet<>();
        for (Integer item = handoff.poll(); item != null; item = handoff.poll()) {
            assertTrue(seen.add(item), "duplicate " + item);
        }
        assertEquals(capacity, seen.size());
    }
}
