package io.openrouteraudit.bench;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many threads calling one client for a fixed time: completed calls per second. An I/O failure
 * is counted and the thread goes on: JDK 17's HttpClient now and then closes a pooled
 * keep-alive connection just as another thread picks it ("header parser received no bytes"),
 * with or without an agent. More than one failure per hundred calls fails the run.
 */
final class ThroughputRun {

    /** Completed calls per second, and the I/O failures tolerated. */
    record Result(double callsPerSecond, long ioFailures) {
        static final Result NOT_RUN = new Result(0, 0);
    }

    private ThroughputRun() {
    }

    static Result run(CallLatencyApp.Call call, int threads, double seconds) throws InterruptedException {
        LongAdder done = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        long[] window = new long[2];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                try {
                    start.await();
                    while (System.nanoTime() < window[1] && failure.get() == null) {
                        try {
                            call.run();
                            done.increment();
                        } catch (IOException e) {
                            failed.increment();
                        }
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
        if (failed.sum() * 100 > done.sum()) {
            throw new IllegalStateException(failed.sum() + " of " + (done.sum() + failed.sum()) + " throughput calls failed");
        }
        return new Result(done.sum() / ((System.nanoTime() - window[0]) / 1e9), failed.sum());
    }
}
