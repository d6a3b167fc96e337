package io.openrouteraudit.openrouter;

import java.util.function.LongUnaryOperator;

/**
 * Collects response facts across one JSON body or the chunks of one stream. The merge rules live
 * here so the readers stay shape-only: identity (id, model, provider) comes from the first object
 * that has it; usage and finish reason from the last that has them (usage arrives once, late); the
 * first error wins, a top-level error over a choice error. Mutable; lives only inside one parse.
 */
final class ResponseAccumulator {

    private final boolean stream;
    private String generationId;
    private String modelUsed;
    private String provider;
    private String finishReason;
    private Long promptTokens;
    private Long completionTokens;
    private Long reasoningTokens;
    private Long cachedTokens;
    private Double totalCost;
    private ErrorReader.ErrorInfo topLevelError;
    private ErrorReader.ErrorInfo choiceError;
    private StringBuilder deltaText; // stream deltas; created at the first non-empty one
    private StringBuilder fullText;  // complete texts (non-stream message, Responses output)
    private boolean contentSeen;
    private long firstContentEnd = -1;
    private boolean parseError;

    ResponseAccumulator(boolean stream) {
        this.stream = stream;
    }

    boolean stream() {
        return stream;
    }

    void generationId(String v) {
        if (generationId == null) {
            generationId = v;
        }
    }

    boolean hasGenerationId() {
        return generationId != null;
    }

    boolean hasModelUsed() {
        return modelUsed != null;
    }

    boolean hasProvider() {
        return provider != null;
    }

    void modelUsed(String v) {
        if (modelUsed == null) {
            modelUsed = v;
        }
    }

    void provider(String v) {
        if (provider == null) {
            provider = v;
        }
    }

    void finishReason(String v) {
        if (v != null) {
            finishReason = v;
        }
    }

    void promptTokens(Long v) {
        promptTokens = v != null ? v : promptTokens;
    }

    void completionTokens(Long v) {
        completionTokens = v != null ? v : completionTokens;
    }

    void reasoningTokens(Long v) {
        reasoningTokens = v != null ? v : reasoningTokens;
    }

    void cachedTokens(Long v) {
        cachedTokens = v != null ? v : cachedTokens;
    }

    void totalCost(Double v) {
        totalCost = v != null ? v : totalCost;
    }

    void topLevelError(ErrorReader.ErrorInfo e) {
        if (topLevelError == null) {
            topLevelError = e;
        }
    }

    void choiceError(ErrorReader.ErrorInfo e) {
        if (choiceError == null) {
            choiceError = e;
        }
    }

    /** A piece of streamed assistant text; empty pieces (role-only or usage chunks) are no text. */
    void appendDelta(String s) {
        if (s == null || s.isEmpty()) {
            return;
        }
        if (deltaText == null) {
            deltaText = new StringBuilder();
        }
        deltaText.append(s);
        contentSeen = true;
    }

    /** A complete assistant text (or one part of it); pieces are concatenated in order. */
    void appendFullText(String s) {
        if (s == null) {
            return;
        }
        if (fullText == null) {
            fullText = new StringBuilder();
        }
        fullText.append(s);
    }

    /** Streamed reasoning counts as the first token for time-to-first-token, not as text. */
    void reasoningDelta(String s) {
        if (s != null && !s.isEmpty()) {
            contentSeen = true;
        }
    }

    boolean contentSeen() {
        return contentSeen;
    }

    void firstContentEnd(long offset) {
        if (firstContentEnd < 0) {
            firstContentEnd = offset;
        }
    }

    void parseError() {
        parseError = true;
    }

    /** @param toBodyOffset maps an offset in the parsed (possibly inflated) bytes to the body's */
    ResponseFacts toFacts(LongUnaryOperator toBodyOffset) {
        ErrorReader.ErrorInfo error = topLevelError != null ? topLevelError : choiceError;
        String finish = finishReason;
        if (stream && finish == null && error != null) {
            finish = "error"; // an error event ends the stream even when it carries no choice
        }
        // Deltas are what the client assembled; a complete text (e.g. a Responses
        // "response.completed" event) only counts when no deltas came.
        StringBuilder text = deltaText != null ? deltaText : fullText;
        long first = firstContentEnd >= 0 ? toBodyOffset.applyAsLong(firstContentEnd) : -1L;
        return new ResponseFacts(generationId, modelUsed, provider, finish, promptTokens,
                completionTokens, reasoningTokens, cachedTokens, totalCost,
                error == null ? null : error.code(), error == null ? null : error.message(),
                text == null ? null : text.toString(), stream, first, parseError);
    }
}
