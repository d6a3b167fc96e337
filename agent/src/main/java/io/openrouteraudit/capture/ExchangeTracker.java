package io.openrouteraudit.capture;

import java.lang.ref.Cleaner;

/**
 * Starts exchanges: the one door through which every instrumentation package enters the
 * capture pipeline, whatever its client library.
 */
public final class ExchangeTracker {

    private final ExchangeSink sink;
    private final PendingExchanges pending = new PendingExchanges();
    private final int maxBytes;
    private volatile Cleaner cleaner;

    public ExchangeTracker(ExchangeSink sink, int maxBytes) {
        this.sink = sink;
        this.maxBytes = maxBytes;
    }

    public ExchangeRecorder begin(RequestStart start) {
        return new ExchangeRecorder(start, maxBytes, sink, pending);
    }

    /** See {@link ExchangeSink#canRecord()}. */
    public boolean canRecord() {
        return sink.canRecord();
    }

    /**
     * Ends the exchange as {@link Outcome#INCOMPLETE} once {@code body} - the object through which
     * the application would read the response - becomes unreachable unread. The action holds
     * only the recorder, never the body, or the body could never become unreachable.
     */
    public void endWhenUnreachable(Object body, ExchangeRecorder recorder) {
        recorder.guardUnread(cleaner().register(body, recorder::abandon));
    }

    private Cleaner cleaner() {
        Cleaner c = cleaner;
        if (c == null) {
            synchronized (this) {
                c = cleaner;
                if (c == null) {
                    // One daemon thread, started only when the first response is handed out.
                    c = Cleaner.create(runnable -> {
                        Thread t = new Thread(runnable, "openrouter-audit-unread-responses");
                        t.setDaemon(true);
                        return t;
                    });
                    cleaner = c;
                }
            }
        }
        return c;
    }

    public PendingExchanges pending() {
        return pending;
    }
}
