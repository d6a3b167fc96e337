package io.openrouteraudit.capture;

/**
 * Starts exchanges: the one door through which every instrumentation package enters the
 * capture pipeline, whatever its client library.
 */
public final class ExchangeTracker {

    private final ExchangeSink sink;
    private final PendingExchanges pending = new PendingExchanges();
    private final int maxBytes;

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

    public PendingExchanges pending() {
        return pending;
    }
}
