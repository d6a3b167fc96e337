package io.openrouteraudit.openrouter;

/**
 * What the audit needs from one OpenRouter response body (JSON or event stream). Immutable; built
 * by {@link ResponseParser}. Absent values are null.
 *
 * @param generationId          {@code id}
 * @param modelUsed             {@code model}: the model that served the call
 * @param provider              {@code provider}: the upstream's display name
 * @param finishReason          first choice's finish reason (streams: last non-null seen)
 * @param promptTokens          usage.prompt_tokens (Responses API: input_tokens)
 * @param completionTokens      usage.completion_tokens (Responses API: output_tokens)
 * @param reasoningTokens       usage.completion_tokens_details.reasoning_tokens
 * @param cachedTokens          usage.prompt_tokens_details.cached_tokens
 * @param totalCost             usage.cost in USD
 * @param errorCode             error.code as text, from a top-level error or the first choice's error
 * @param errorMessage          error.message
 * @param completionText        the assistant text as received
 * @param stream                the body was parsed as an event stream
 * @param firstContentEndOffset byte offset, relative to the start of the given body bytes, just past
 *                              the first stream event carrying content or reasoning; -1 if none
 * @param parseError            some part of the body could not be decoded or parsed
 */
public record ResponseFacts(String generationId, String modelUsed, String provider,
                            String finishReason, Long promptTokens, Long completionTokens,
                            Long reasoningTokens, Long cachedTokens, Double totalCost,
                            String errorCode, String errorMessage, String completionText,
                            boolean stream, long firstContentEndOffset, boolean parseError) {

    /** Facts of a body that yielded nothing. */
    public static ResponseFacts empty(boolean stream, boolean parseError) {
        return new ResponseFacts(null, null, null, null, null, null, null, null, null, null, null,
                null, stream, -1L, parseError);
    }
}
