package io.openrouteraudit.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/** A subscriber of decoded lines (for {@code BodyHandlers.fromLineSubscriber}). */
final class LineCollectingSubscriber implements Flow.Subscriber<String> {

    private final List<String> lines = new ArrayList<>();

    /** The lines received; complete once the body handler has finished. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(String line) {
        lines.add(line);
    }

    @Override
    public void onError(Throwable throwable) {
        // The failure reaches the application through send(), which throws it.
    }

    @Override
    public void onComplete() {
        // Nothing to do: send() returns after completion.
    }
}
