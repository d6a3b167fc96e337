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
}
