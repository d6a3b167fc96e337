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
     * @return {@code null} to leave the call alone, or {@code {request, bodyHandler, refusal}}:
     *     the (possibly wrapped) request and handler to use, and a completed
     *     {@code CompletableFuture} to return instead of sending a byte, or {@code null}
     */
    Object[] onSend(Object request, Object bodyHandler);

    /**
     * Called when {@code sendAsync} returned its future, or threw. {@code bodyHandler} is the one
     * {@link #onSend} gave back: when the call is audited, it carries the exchange.
     */
    void onIssued(Object bodyHandler, Object responseFuture, Throwable thrown);
}
