package io.openrouteraudit.capture;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the exchanges a recorder hands on, as the audit pipeline takes them; for tests. */
public final class CollectingSink implements ExchangeSink {

    public final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    @Override
    public void accept(Exchange exchange) {
        exchanges.add(exchange);
    }

    @Override
    public boolean canRecord() {
        return true;
    }
}
