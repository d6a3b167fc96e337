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
            // An error response the client closed without reading it all (the OpenAI SDK does so
            // before a retry, and after a mid-stream error event) is an error, not a cancel.
            case CANCELLED -> isErrorAnswer(http, facts)
                    ? new ExchangeStatus("error", errorCodeOf(http, facts))
                    : new ExchangeStatus("cancelled", facts.errorCode());
            case INCOMPLETE -> new ExchangeStatus("incomplete", facts.errorCode());
            case FAILED -> new ExchangeStatus("error", firstNonNull(facts.errorCode(), failure));
            case COMPLETED -> isErrorAnswer(http, facts)
                    ? new ExchangeStatus("error", errorCodeOf(http, facts))
                    : new ExchangeStatus("success", null);
        };
    }

    private static boolean isErrorAnswer(Integer http, ResponseFacts facts) {
        return facts.errorCode() != null || (http != null && http >= 400) || "error".equals(facts.finishReason());
    }

    private static String errorCodeOf(Integer http, ResponseFacts facts) {
        return firstNonNull(facts.errorCode(), http != null && http >= 400 ? String.valueOf(http) : null);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
