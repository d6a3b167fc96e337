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
    private final CallerSpanSource callerSpans;
    private final ThreadGroup agentThreads;
    private volatile Cleaner cleaner;
    // Two arrays per call in flight; beyond 32 (128 KB kept), arrays are allocated and let go.
    private final CaptureBufferPool buffers = new CaptureBufferPool(32);

    public ExchangeTracker(ExchangeSink sink, int maxBytes) {
        this(sink, maxBytes, CallerSpanSource.NONE, null);
    }

    /**
     * @param callerSpans  reads the application's current span when an exchange begins
     * @param agentThreads the group of every thread the agent starts (and of the threads those
     *                     start), or {@code null}: calls made on them are the agent's own traffic
     */
    public ExchangeTracker(ExchangeSink sink, int maxBytes, CallerSpanSource callerSpans, ThreadGroup agentThreads) {
        this.sink = sink;
        this.maxBytes = maxBytes;
        this.callerSpans = callerSpans;
        this.agentThreads = agentThreads;
    }

    /** Runs on the application's calling thread, whatever the client library. */
    public ExchangeRecorder begin(RequestStart start) {
        return new ExchangeRecorder(start, maxBytes, sink, pending, callerSpan(), buffers);
    }

    /**
     * Whether the calling thread is one of the agent's own (its OTLP exporter's HTTP calls):
     * those are never audited, even when the collector's host is in {@code hosts}.
     */
    public boolean isAgentThread() {
        ThreadGroup group = agentThreads;
        if (group == null) {
            return false;
        }
        ThreadGroup current = Thread.currentThread().getThreadGroup();
        return current != null && group.parentOf(current);
    }

    private CallerSpan callerSpan() {
        try {
            return callerSpans.current();
        } catch (Throwable t) {
            return null;
        }
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
