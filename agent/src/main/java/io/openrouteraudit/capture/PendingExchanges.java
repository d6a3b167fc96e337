package io.openrouteraudit.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Exchanges that started and have not ended yet, so that shutdown can end them. */
public final class PendingExchanges {

    private final Set<ExchangeRecorder> open = ConcurrentHashMap.newKeySet();

    void add(ExchangeRecorder recorder) {
        open.add(recorder);
    }

    void remove(ExchangeRecorder recorder) {
        open.remove(recorder);
    }

    public int size() {
        return open.size();
    }

    /**
     * Waits, at most {@code timeoutMillis}, until exchanges that are ending on other threads
     * have reached the sink: at shutdown the journal must not close under them.
     */
    public void awaitEnded(long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Ends every open exchange as {@link Outcome#INCOMPLETE}: the application never finished it. */
    public void endAllAsIncomplete() {
        List<ExchangeRecorder> snapshot = new ArrayList<>(open);
        for (ExchangeRecorder recorder : snapshot) {
            if (!recorder.hasEnded()) {
                recorder.abandon();
            }
        }
    }
}
