package io.openrouteraudit.instrument.okhttp.binding;

import io.openrouteraudit.bootstrap.OkHttpHooks;
import io.openrouteraudit.capture.BearerToken;
import io.openrouteraudit.capture.ExchangeRecorder;
import io.openrouteraudit.capture.ExchangeTracker;
import io.openrouteraudit.capture.RequestStart;
import io.openrouteraudit.capture.ResponseHead;
import io.openrouteraudit.config.AuditConfig;
import io.openrouteraudit.instrument.WeakIdentityMap;
import io.openrouteraudit.instrument.okhttp.CallerLibrary;
import io.openrouteraudit.instrument.okhttp.ObservedExchange;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Instant;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * The agent's view of one class loader's OkHttp, from inside its network exchanges: the request
 * as written to the wire (every interceptor's headers included), the response head, and each
 * body byte as OkHttp writes it or the application reads it. One record per network attempt.
 * Compiled against the 3.14 API; only members that 4.x and 5.x kept for Java callers are used.
 */
public final class NetworkExchangeObserver implements OkHttpHooks {

    /** Okio's timeout thread (1.x to 3.x); OkHttp's call timeout cancels the call from it. */
    private static final String OKIO_WATCHDOG = "Okio Watchdog";
    private static final String REFUSAL =
            "openrouter-audit: the audit journal cannot be written (fail-mode=closed); request not sent";

    private final AuditConfig config;
    private final ExchangeTracker tracker;
    // Exchange -> its record in progress; the exchange's body streams refer to it as this$0.
    private final WeakIdentityMap<Object, ObservedExchange> exchanges = new WeakIdentityMap<>();
    // Call -> what its trip through OkHttp's interceptors began; removed when the trip ends.
    private final WeakIdentityMap<Object, CallAttempt> calls = new WeakIdentityMap<>();
    // Calls that OkHttp's call timeout cancelled; only ever written on a timeout.
    private final WeakIdentityMap<Object, Boolean> timedOutCalls = new WeakIdentityMap<>();

    /**
     * A call to an audited host on its trip: when it started, and the latest exchange it began
     * (none yet, or none because the agent refused it).
     */
    private static final class CallAttempt {
        final Instant startTime = Instant.now();
        final long startNanos = System.nanoTime();
        volatile ExchangeRecorder recorderOrNull;
        volatile boolean refused;
        // Why the policy refused it: OkHttp may retry a failed write, and the retry is the same
        // refused request, not a new exchange to record.
        volatile String policyRefusal;
    }

    public NetworkExchangeObserver(AuditConfig config, ExchangeTracker tracker) {
        this.config = config;
        this.tracker = tracker;
    }

    @Override
    public IOException beforeRequestHeaders(Object exchange, Object call, Object requestObject) {
        Request request = (Request) requestObject;
        HttpUrl url = request.url();
        if (!config.isAuditedHost(url.host(), url.port())) {
            return null;
        }
        CallAttempt attempt = attemptOf(call);
        if (attempt.policyRefusal != null) {
            return new IOException(attempt.policyRefusal);
        }
        if (!tracker.canRecord()) {
            attempt.refused = true;
            return new IOException(REFUSAL);
        }
        RequestStart start = startOf(request, url, Instant.now(), System.nanoTime());
        ExchangeRecorder recorder = tracker.beginSending(start,
                tracker.gateNeedsBody() ? bodyAhead(request.body()) : null);
        if (recorder.refusal() != null) {
            attempt.refused = true;
            attempt.policyRefusal = recorder.refusal();
            return new IOException(recorder.refusal());
        }
        exchanges.put(exchange, new ObservedExchange(recorder));
        attempt.recorderOrNull = recorder;
        return null;
    }

    @Override
    public void requestBodyWritten(Object exchange, Object bufferObject, long byteCount) {
        ObservedExchange observed = exchanges.get(exchange);
        if (observed == null || observed.recorder().hasEnded()) {
            return;
        }
        Buffer buffer = (Buffer) bufferObject;
        copy(buffer, 0, Math.min(byteCount, buffer.size()), observed.requestCopy());
    }

    @Override
    public void responseBodyOpened(Object exchange, Object responseObject, Object bodyObject) {
        ObservedExchange observed = exchanges.get(exchange);
        if (observed == null) {
            return;
        }
        Response response = (Response) responseObject;
        ResponseBody body = (ResponseBody) bodyObject;
        observed.recorder().responseHead(new ResponseHead(response.code(), response.header("Content-Type"),
                response.header("Content-Encoding"), response.header("X-Generation-Id"),
                body == null ? -1 : body.contentLength()));
    }

    @Override
    public void responseSourceMade(Object source, Object exchange) {
        ObservedExchange observed = exchanges.get(exchange);
        if (observed != null) {
            // Every way of reading the body (string(), bytes(), byteStream(), source(), OkHttp's
            // own gzip) holds this source: once it is unreachable, the body can no longer be read.
            tracker.endWhenUnreachable(source, observed.recorder());
        }
    }

    @Override
    public void responseBodyRead(Object exchange, Object bufferObject, long read) {
        ObservedExchange observed = exchanges.get(exchange);
        if (observed == null || observed.recorder().hasEnded()) {
            return;
        }
        if (read > 0) {
            Buffer buffer = (Buffer) bufferObject;
            copy(buffer, buffer.size() - read, read, observed.responseCopy());
        } else if (read == -1) {
            observed.recorder().complete();
            // Ended: nothing later needs the entry, and the collector need not find it.
            exchanges.remove(exchange);
        }
    }

    @Override
    public void responseBodyClosed(Object exchange) {
        ObservedExchange observed = exchanges.remove(exchange);
        if (observed != null) {
            observed.recorder().cancel();
        }
    }

    @Override
    public void exchangeFailed(Object exchange, Object call, IOException failure) {
        ObservedExchange observed = exchanges.remove(exchange);
        if (observed != null) {
            endWithFailure(observed.recorder(), failure, (Call) call);
        }
    }

    @Override
    public void callStarted(Object chainObject) {
        Interceptor.Chain chain = (Interceptor.Chain) chainObject;
        HttpUrl url = chain.request().url();
        if (config.isAuditedHost(url.host(), url.port())) {
            calls.put(chain.call(), new CallAttempt());
        }
    }

    @Override
    public void callEnded(Object chainObject, Throwable thrown) {
        Interceptor.Chain chain = (Interceptor.Chain) chainObject;
        Call call = chain.call();
        CallAttempt attempt = calls.remove(call);
        if (thrown == null || attempt == null || attempt.refused) {
            return;
        }
        ExchangeRecorder recorder = attempt.recorderOrNull;
        if (recorder != null) {
            // Ends it only if nothing did already (OkHttp noted most failures itself).
            endWithFailure(recorder, thrown, call);
            return;
        }
        // No exchange wrote a request: the connection failed (refused, DNS, connect timeout).
        if (!tracker.canRecord()) {
            return;
        }
        Request request = chain.request();
        endWithFailure(tracker.begin(startOf(request, request.url(), attempt.startTime, attempt.startNanos)),
                thrown, call);
    }

    @Override
    public void callCancelling(Object call) {
        if (OKIO_WATCHDOG.equals(Thread.currentThread().getName())) {
            timedOutCalls.put(call, Boolean.TRUE);
        }
    }

    /** The attempt {@link #callStarted} registered; a fresh one if the call began before the agent saw it. */
    private CallAttempt attemptOf(Object call) {
        CallAttempt attempt = calls.get(call);
        if (attempt == null) {
            attempt = new CallAttempt();
            calls.put(call, attempt);
        }
        return attempt;
    }

    /**
     * The request body, written once more into memory before OkHttp writes it to the wire (OkHttp
     * itself writes a body again on retries and redirects); {@code null} for a body that may only
     * be written once, or that fails to.
     */
    private static byte[] bodyAhead(RequestBody body) {
        if (body == null || body.isOneShot() || body.isDuplex()) {
            return null;
        }
        try {
            Buffer buffer = new Buffer();
            body.writeTo(buffer);
            return buffer.readByteArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Copies without consuming: the buffer's bytes stay where OkHttp and the application expect them. */
    private static void copy(Buffer buffer, long offset, long byteCount, OutputStream into) {
        try {
            buffer.copyTo(into, offset, byteCount);
        } catch (IOException impossible) {
            // Okio 1.x declares it; the capture stream never throws.
        }
    }

    /**
     * OkHttp reports {@code Call.cancel()} as an IOException; the record says what really
     * happened. A cancel by the call timeout reaches the application as
     * {@code InterruptedIOException("timeout")} (OkHttp wraps the failure after this point), and
     * is recorded as that.
     */
    private void endWithFailure(ExchangeRecorder recorder, Throwable failure, Call call) {
        if (!call.isCanceled()) {
            recorder.fail(failure);
        } else if (timedOutCalls.get(call) != null) {
            InterruptedIOException timeout = new InterruptedIOException("timeout");
            timeout.initCause(failure);
            recorder.fail(timeout);
        } else {
            recorder.cancelled(failure);
        }
    }

    private RequestStart startOf(Request request, HttpUrl url, Instant startTime, long startNanos) {
        String userHeader = config.userHeader();
        String title = request.header("X-Title");
        return new RequestStart(
                CallerLibrary.of(request.header("X-Stainless-Lang"), request.header("User-Agent")),
                request.method(),
                url.scheme(),
                url.host(),
                url.port(),
                url.encodedPath(),
                startTime,
                startNanos,
                BearerToken.of(request.header("Authorization")),
                userHeader == null ? null : request.header(userHeader),
                title != null ? title : request.header("X-OpenRouter-Title"),
                request.header("HTTP-Referer"),
                request.header("x-session-id"));
    }
}
