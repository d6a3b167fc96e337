package io.openrouteraudit.audit;

import io.openrouteraudit.capture.Exchange;
import io.openrouteraudit.openrouter.ResponseFacts;

/** The record's {@code status} and {@code error_code}, from how the exchange ended and what it said. */
record ExchangeStatus(String status, String errorCode) {

    static ExchangeStatus of(Exchange exchange, ResponseFacts facts) {
        Integer http = exchange.response() == null ? null : exchange.response().status();
        String failure = exchange.failureType();
        return switch (exchange.outcome()) {
            case BLOCKED -> new ExchangeStatus("blocked", failure);
            case TIMEOUT -> new ExchangeStatus("timeout", firstNonNull(facts.errorCode(), failure));
            case CANCELLED -> new ExchangeStatus("cancelled", facts.errorCode());
            case INCOMPLETE -> new ExchangeStatus("incomplete", facts.errorCode());
            case FAILED -> new ExchangeStatus("error", firstNonNull(facts.errorCode(), failure));
            case COMPLETED -> {
                boolean httpError = http != null && http >= 400;
                if (facts.errorCode() != null || httpError || "error".equals(facts.finishReason())) {
                    yield new ExchangeStatus("error",
                            firstNonNull(facts.errorCode(), httpError ? String.valueOf(http) : null));
                }
                yield new ExchangeStatus("success", null);
            }
        };
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
