package io.openrouteraudit.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every exchange a simulator served, in order of completion, and how many are still being
 * served, so a reader can wait until the server is idle before looking.
 */
final class ExchangeLog {

    private final List<RecordedExchange> completed = new ArrayList<>();
    private int inFlight;

    synchronized void begin() {
        inFlight++;
    }

    synchronized void complete(ReceivedRequest request, SentResponse response) {
        completed.add(new RecordedExchange(completed.size() + 1, request, response));
    }

    synchronized void end() {
        inFlight--;
        notifyAll();
    }

    synchronized List<RecordedExchange> all() {
        return List.copyOf(completed);
    }

    /**
     * The exchanges completed after the first {@code mark} ones, once no request is in flight
     * (or when {@code patience} has passed, whichever comes first).
     */
    synchronized List<RecordedExchange> since(int mark, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(completed.subList(Math.min(mark, completed.size()), completed.size()));
    }
}
