package io.openrouteraudit.capture;

/** Where finished exchanges go. Called on the thread that ends the exchange. */
public interface ExchangeSink {

    /** Takes a finished exchange; must not throw. */
    void accept(Exchange exchange);

    /**
     * Whether a new exchange may start: with {@code fail-mode=closed} a call whose record
     * cannot be written is refused before any byte leaves.
     */
    boolean canRecord();

    /**
     * Whether the sink may read an exchange's body bytes after {@link #accept} returns. When it
     * does not, the capture arrays are reused for later exchanges as soon as it returns.
     */
    default boolean keepsBodies() {
        return true;
    }
}
