package io.openrouteraudit.capture;

/**
 * Reads the application's current span on the calling thread. Runs on the application's thread
 * for every exchange: must be cheap, and must never throw.
 */
public interface CallerSpanSource {

    /** No span source: exchanges have no parent. */
    CallerSpanSource NONE = new None();

    /** The current span of the calling thread, or {@code null} when there is none. */
    CallerSpan current();

    /** A class, not a lambda: nothing on the start-up path bootstraps invokedynamic. */
    final class None implements CallerSpanSource {
        @Override
        public CallerSpan current() {
            return null;
        }
    }
}
