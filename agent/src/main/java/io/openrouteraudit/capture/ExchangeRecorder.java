package io.openrouteraudit.capture;

import java.lang.ref.Cleaner;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The mutable side of one exchange while it is in flight. Instrumentation feeds it; it ends
 * exactly once, whichever of completion, error, cancel or shutdown comes first, and then hands
 * an immutable {@link Exchange} to the sink on the ending thread.
 */
public final class ExchangeRecorder {

    // "data:[DONE]" and "data: [DONE]" are the same event (the space after the colon is optional).
    private static final String STREAM_END_MARKER = "[DONE]";

    private final RequestStart start;
    private final BodyCapture requestBody;
    private final BodyCapture responseBody;
    private final ExchangeSink sink;
    private final PendingExchanges pending;
    private final CallerSpan callerSpan;
    private final List<String> admissionViolations;
    private volatile String refusal;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile ResponseHead head;
    private volatile Cleaner.Cleanable unreadGuard;

    public ExchangeRecorder(RequestStart start, int maxBytes, ExchangeSink sink, PendingExchanges pending) {
        this(start, maxBytes, sink, pending, null);
    }

    /** @param callerSpan the application's current span on the calling thread, or {@code null} */
    public ExchangeRecorder(RequestStart start, int maxBytes, ExchangeSink sink, PendingExchanges pending,
                            CallerSpan callerSpan) {
        this(start, maxBytes, sink, pending, callerSpan, List.of(), null);
    }

    /** @param admissionViolations policy rules the request broke when it left */
    public ExchangeRecorder(RequestStart start, int maxBytes, ExchangeSink sink, PendingExchanges pending,
                            CallerSpan callerSpan, List<String> admissionViolations) {
        this(start, maxBytes, sink, pending, callerSpan, admissionViolations, null);
    }

    /**
     * @param admissionViolations policy rules the request broke when it left
     * @param buffers where the capture arrays come from, and go back to once the record is written; or {@code null}
     */
    public ExchangeRecorder(RequestStart start, int maxBytes, ExchangeSink sink, PendingExchanges pending,
                            CallerSpan callerSpan, List<String> admissionViolations, CaptureBufferPool buffers) {
        this.start = start;
        this.admissionViolations = admissionViolations;
        this.callerSpan = callerSpan;
        CaptureBufferPool pool = sink.keepsBodies() ? null : buffers;
        this.requestBody = new BodyCapture(maxBytes, pool);
        this.responseBody = new BodyCapture(maxBytes, pool);
        this.sink = sink;
        this.pending = pending;
        pending.add(this);
    }

    public RequestStart start() {
        return start;
    }

    public BodyCapture requestBody() {
        return requestBody;
    }

    public BodyCapture responseBody() {
        return responseBody;
    }

    public void responseHead(ResponseHead head) {
        this.head = head;
    }

    /**
     * The registration that ends this exchange if its body becomes unreachable unread. Released
     * as soon as the exchange ends: a registration left to the garbage collector keeps this
     * recorder and its buffers alive until the cleaner thread gets round to it, which under load
     * is far behind, and every pending one is a reference the collector must process.
     */
    public void guardUnread(Cleaner.Cleanable guard) {
        unreadGuard = guard;
        if (ended.get()) {
            guard.clean(); // ended before the guard was set: the ending thread may have missed it
        }
    }

    public boolean hasEnded() {
        return ended.get();
    }

    public void complete() {
        end(Outcome.COMPLETED, null);
    }

    /**
     * The application stopped reading. If it had already received the whole body - every
     * declared byte, or an event stream's {@code [DONE]} - that is how streaming clients
     * normally finish, and the exchange completed.
     */
    public void cancel() {
        ResponseHead h = head;
        boolean whole = (h != null && h.contentLength() >= 0 && responseBody.total() >= h.contentLength())
                || responseBody.endsWith("data:" + STREAM_END_MARKER)
                || responseBody.endsWith("data: " + STREAM_END_MARKER);
        end(whole ? Outcome.COMPLETED : Outcome.CANCELLED, null);
    }

    public void abandon() {
        end(Outcome.INCOMPLETE, null);
    }

    /** Ends as refused by the agent before a byte left; {@link #refusal()} then gives the reason. */
    public void block(String reason) {
        refusal = reason;
        endWith(Outcome.BLOCKED, "IOException", reason);
    }

    /** Why the agent refused this request, or {@code null} when it was let go. */
    public String refusal() {
        return refusal;
    }

    /** Ends with the outcome that the library's exception means. */
    public void fail(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        end(outcomeOf(cause), cause);
    }

    /** Ends because the application cancelled the call, which the library reported as {@code thrown}. */
    public void cancelled(Throwable thrown) {
        end(Outcome.CANCELLED, unwrap(thrown));
    }

    private void end(Outcome outcome, Throwable cause) {
        endWith(outcome, cause == null ? null : cause.getClass().getSimpleName(),
                cause == null ? null : cause.getMessage());
    }

    private void endWith(Outcome outcome, String failureType, String failureMessage) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        long endNanos = System.nanoTime();
        try {
            Exchange exchange = new Exchange(start, requestBody.snapshot(), head, responseBody.snapshot(),
                    endNanos, outcome, failureType, failureMessage, callerSpan, admissionViolations);
            sink.accept(exchange);
        } finally {
            // The sink has turned the bodies into a record (it keeps no bytes, or no pool was given).
            requestBody.release();
            responseBody.release();
            // Only now: shutdown waits for exchanges still being written, not just unended ones.
            pending.remove(this);
            Cleaner.Cleanable guard = unreadGuard;
            if (guard != null) {
                guard.clean(); // its action finds this recorder ended and does nothing
            }
        }
    }

    static Outcome outcomeOf(Throwable cause) {
        if (cause instanceof CancellationException) {
            return Outcome.CANCELLED;
        }
        // Library-neutral on purpose: the JDK's HttpTimeoutException, SocketTimeoutException and
        // OkHttp's InterruptedIOException("timeout") all say so in their name or message.
        if (cause instanceof TimeoutException
                || cause.getClass().getSimpleName().contains("Timeout")
                || (cause instanceof java.io.InterruptedIOException && "timeout".equals(cause.getMessage()))) {
            return Outcome.TIMEOUT;
        }
        return Outcome.FAILED;
    }

    static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
