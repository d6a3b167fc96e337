package io.openrouteraudit.bootstrap;

import java.io.IOException;

/**
 * What advice inlined into OkHttp's network exchange ({@code okhttp3.internal.connection.Exchange}
 * and its body sink and source) and into {@code RetryAndFollowUpInterceptor} may ask of the agent.
 * The agent observes below the interceptor chain: no object an interceptor or the application
 * is handed changes.
 *
 * <p>Typed with {@code Object} only: this interface lives on the bootstrap class loader, which
 * cannot see OkHttp.
 */
public interface OkHttpHooks {

    /**
     * Before an exchange writes the final network request's headers.
     *
     * @return {@code null} to go on; an exception to refuse the request before any byte of it
     *     leaves ({@code fail-mode=closed} while the journal cannot be written)
     */
    IOException beforeRequestHeaders(Object exchange, Object call, Object request);

    /** Before the exchange's request body sink writes the first {@code byteCount} bytes of {@code buffer}. */
    void requestBodyWritten(Object exchange, Object buffer, long byteCount);

    /** After the exchange opened the response body: {@code response} has the status and headers. */
    void responseBodyOpened(Object exchange, Object response, Object body);

    /** After the source every read of this response body goes through was made. */
    void responseSourceMade(Object source, Object exchange);

    /** After the response body source appended {@code read} bytes to {@code buffer}, or -1 at its end. */
    void responseBodyRead(Object exchange, Object buffer, long read);

    /** Before the response body source is closed. */
    void responseBodyClosed(Object exchange);

    /** OkHttp noted a failure of the exchange (writing, reading headers or either body). */
    void exchangeFailed(Object exchange, Object call, IOException failure);

    /** A call begins its trip through OkHttp's own interceptors. */
    void callStarted(Object chain);

    /** A call's trip through OkHttp's own interceptors ended, normally or with {@code thrown}. */
    void callEnded(Object chain, Throwable thrown);

    /** Before {@code call.cancel()} runs, on the thread that cancels it. */
    void callCancelling(Object call);
}
