package io.openrouteraudit.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Many threads calling one client for a fixed time: completed calls per second. */
final class ThroughputRun {

    private ThroughputRun() {
    }

    static double callsPerSecond(CallLatencyApp.Call call, int threads, double seconds) throws InterruptedException {
        LongAdder done = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        long[] window = new long[2];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                try {
                    start.await();
                    while (System.nanoTime() < window[1] && failure.get() == null) {
                        call.run();
                        done.increment();
                    }
                } catch (Exception | Error e) {
                    failure.compareAndSet(null, e);
                }
            }, "throughput-" + t);
            workers[t].start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a throughput call failed", failure.get());
        }
        return done.sum() / ((System.nanoTime() - window[0]) / 1e9);
    }
}
