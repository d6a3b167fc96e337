package io.openrouteraudit.sim;

import java.math.BigDecimal;

/**
 * The OpenRouter facts the simulator put into one response, so a test can compare an audit
 * record with what was really sent. Null means the response did not carry that fact.
 *
 * @param wellFormed     false for bodies no parser can read (malformed JSON, HTML, empty)
 * @param stream         the response was a {@code text/event-stream}
 * @param errorCode      OpenRouter's {@code error.code} as text ("402"), from the body, a
 *                       choice's error or a mid-stream error event
 * @param completionText the assistant text sent (concatenated deltas for a stream)
 */
public record ResponseFacts(boolean wellFormed, boolean stream, String generationId, String modelUsed,
                            String provider, Integer promptTokens, Integer completionTokens,
                            Integer reasoningTokens, Integer cachedTokens, BigDecimal cost,
                            String finishReason, String errorCode, String completionText) {

    /** A body with nothing OpenRouter-shaped in it. */
    public static ResponseFacts notWellFormed() {
        return new ResponseFacts(false, false, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** An error status with an OpenRouter error body. */
    public static ResponseFacts httpError(int code) {
        return new ResponseFacts(true, false, null, null, null, null, null, null, null, null, null,
                Integer.toString(code), null);
    }

    /** Anything that is not a completion (a lookup, a 404 for an unknown path). */
    public static ResponseFacts none() {
        return new ResponseFacts(true, false, null, null, null, null, null, null, null, null, null, null, null);
    }
}
