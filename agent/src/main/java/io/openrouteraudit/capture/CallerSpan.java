package io.openrouteraudit.capture;

/**
 * The application's current span on the thread that started an exchange, as lower-case hex ids:
 * the parent of the exchange's own span, so the LLM call sits inside the application's trace.
 *
 * @param traceId 32 hex digits
 * @param spanId  16 hex digits
 * @param sampled the parent's sampled flag
 */
public record CallerSpan(String traceId, String spanId, boolean sampled) {
}
