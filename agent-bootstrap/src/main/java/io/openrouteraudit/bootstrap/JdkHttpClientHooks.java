package io.openrouteraudit.bootstrap;

/**
 * What advice inlined into {@code jdk.internal.net.http.HttpClientImpl} may ask of the agent.
 *
 * <p>Typed with {@code Object} only: this interface lives on the bootstrap class loader, which
 * cannot see {@code java.net.http}, and the agent's implementation lives in its own loader.
 */
public interface JdkHttpClientHooks {

    /**
     * Called when a request is about to be sent.
     *
     * @return {@code null} to leave the call alone; a one-element array holding a completed
     *     {@code CompletableFuture} to refuse the call without sending a byte; or
     *     {@code {request, bodyHandler, token}} with the (possibly wrapped) request and handler to
     *     use and a token to pass back to {@link #onIssued}
     */
    Object[] onSend(Object request, Object bodyHandler);

    /** Called when {@code sendAsync} returned its future, or threw. */
    void onIssued(Object token, Object responseFuture, Throwable thrown);
}
