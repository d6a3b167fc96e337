package io.openrouteraudit.openrouter;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/**
 * Reads a {@code usage} object. Chat/completions name the counts prompt_tokens and
 * completion_tokens; the Responses API and the Anthropic-format messages endpoint name them
 * input_tokens and output_tokens; both map to the same facts.
 */
final class UsageReader {

    private UsageReader() {
    }

    static void read(JsonParser p, ResponseAccumulator acc) throws IOException {
        if (!JsonValues.isObject(p)) {
            p.skipChildren();
            return;
        }
        while (JsonValues.nextField(p)) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "prompt_tokens", "input_tokens" -> acc.promptTokens(JsonValues.longValue(p));
                case "completion_tokens", "output_tokens" ->
                        acc.completionTokens(JsonValues.longValue(p));
                case "cost" -> acc.totalCost(JsonValues.doubleValue(p));
                case "completion_tokens_details", "output_tokens_details" ->
                        readDetail(p, "reasoning_tokens", acc, true);
                case "prompt_tokens_details", "input_tokens_details" ->
                        readDetail(p, "cached_tokens", acc, false);
                case "cache_read_input_tokens" -> acc.cachedTokens(JsonValues.longValue(p));
                default -> p.skipChildren();
            }
        }
    }

    private static void readDetail(JsonParser p, String wanted, ResponseAccumulator acc,
                                   boolean reasoning) throws IOException {
        if (!JsonValues.isObject(p)) {
            p.skipChildren();
            return;
        }
        while (JsonValues.nextField(p)) {
            String name = p.currentName();
            p.nextToken();
            if (!wanted.equals(name)) {
                p.skipChildren();
            } else if (reasoning) {
                acc.reasoningTokens(JsonValues.longValue(p));
            } else {
                acc.cachedTokens(JsonValues.longValue(p));
            }
        }
    }
}
