package io.openrouteraudit.capture;

import java.lang.ref.Cleaner;
import java.util.List;

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
    private final RequestGate gate;
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
        this(sink, maxBytes, callerSpans, agentThreads, RequestGate.OPEN);
    }

    /** @param gate decides before each request leaves whether it may (the compliance policy) */
    public ExchangeTracker(ExchangeSink sink, int maxBytes, CallerSpanSource callerSpans, ThreadGroup agentThreads,
                           RequestGate gate) {
        this.gate = gate;
        this.sink = sink;
        this.maxBytes = maxBytes;
        this.callerSpans = callerSpans;
        this.agentThreads = agentThreads;
    }

    /**
     * Begins recording an exchange the gate does not judge: one that already happened, such as
     * a connection that failed before any request was written.
     */
    public ExchangeRecorder begin(RequestStart start) {
        return new ExchangeRecorder(start, maxBytes, sink, pending, callerSpan(), List.of(), buffers);
    }

    /**
     * Begins an exchange that is about to send, judged by the gate first. Runs on the
     * application's calling thread, whatever the client library. A refused one comes back already ended as
     * blocked (its record written, with the body it would have sent): the caller then fails the
     * call with {@link ExchangeRecorder#refusal()} and sends nothing.
     *
     * @param body the whole request body read before sending, when {@link #gateNeedsBody()}; else null
     */
    public ExchangeRecorder beginSending(RequestStart start, byte[] body) {
        GateVerdict verdict = admit(start, body);
        ExchangeRecorder recorder = new ExchangeRecorder(start, maxBytes, sink, pending, callerSpan(),
                verdict.violations(), buffers);
        if (verdict.refused()) {
            if (body != null) {
                recorder.requestBody().append(body, 0, body.length);
            }
            recorder.block(verdict.refusal());
        }
        return recorder;
    }

    /** Whether {@link #beginSending} wants the request body read before sending. */
    public boolean gateNeedsBody() {
        return gate.needsBody();
    }

    private GateVerdict admit(RequestStart start, byte[] body) {
        try {
            return gate.admit(start, body);
        } catch (Throwable t) {
            return GateVerdict.GO;
        }
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
