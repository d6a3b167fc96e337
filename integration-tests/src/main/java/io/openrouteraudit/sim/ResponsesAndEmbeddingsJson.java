package io.openrouteraudit.sim;

import static io.openrouteraudit.json.JsonWriter.object;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON answers of OpenRouter's two other OpenAI-shaped endpoints (non-streaming only):
 * {@code POST /api/v1/responses} (the Responses API: {@code output[]} of message items with
 * {@code output_text} parts, usage as {@code input_tokens}/{@code output_tokens}) and
 * {@code POST /api/v1/embeddings} ({@code data[]} of vectors, usage with prompt tokens only).
 * Both carry OpenRouter's {@code cost} in their usage.
 */
final class ResponsesAndEmbeddingsJson {

    /** Length of every simulated embedding vector: enough to be a vector, small enough to read. */
    static final int EMBEDDING_DIMENSIONS = 8;

    private ResponsesAndEmbeddingsJson() {
    }

    static Map<String, Object> response(GenerationPlan plan) {
        Map<String, Object> message = object("type", "message", "id", "msg_" + plan.id().substring("gen-".length()),
                "status", "completed", "role", "assistant",
                "content", List.of(object("type", "output_text", "text", plan.answer(), "annotations", List.of())));
        Map<String, Object> usage = object("input_tokens", plan.promptTokens(),
                "input_tokens_details", object("cached_tokens", plan.cachedTokens()),
                "output_tokens", plan.completionTokens(),
                "output_tokens_details", object("reasoning_tokens", plan.reasoningTokens()),
                "total_tokens", plan.totalTokens(), "cost", plan.cost());
        return object("id", plan.id(), "object", "response", "created_at", plan.created(), "model", plan.modelUsed(),
                "status", "completed", "error", null, "incomplete_details", null, "instructions", null,
                "max_output_tokens", null, "metadata", object(), "output", List.of(message),
                "parallel_tool_calls", true, "temperature", null, "tool_choice", "auto", "tools", List.of(),
                "top_p", null, "usage", usage);
    }

    /** No {@code provider} and no finish reason: the Responses API has neither (its {@code status} is not one). */
    static ResponseFacts responseFacts(GenerationPlan plan) {
        return new ResponseFacts(true, false, plan.id(), plan.modelUsed(), null, plan.promptTokens(),
                plan.completionTokens(), plan.reasoningTokens(), plan.cachedTokens(), plan.cost(), null, null,
                plan.answer());
    }

    static Map<String, Object> embeddings(GenerationPlan plan) {
        return object("id", plan.id(), "object", "list",
                "data", List.of(object("object", "embedding", "index", 0, "embedding", vector(plan))),
                "model", plan.modelUsed(), "provider", plan.provider(),
                "usage", object("prompt_tokens", plan.promptTokens(), "total_tokens", plan.promptTokens(),
                        "cost", plan.promptCost()));
    }

    /** Prompt tokens and their cost only: an embedding has no completion, no text, no finish reason. */
    static ResponseFacts embeddingsFacts(GenerationPlan plan) {
        return new ResponseFacts(true, false, plan.id(), plan.modelUsed(), plan.provider(), plan.promptTokens(),
                null, null, null, plan.promptCost(), null, null, null);
    }

    /** Components in [-1, 1) with four decimals, derived from the generation id (so deterministic). */
    private static List<BigDecimal> vector(GenerationPlan plan) {
        byte[] seed = plan.id().getBytes(StandardCharsets.US_ASCII);
        List<BigDecimal> vector = new ArrayList<>();
        for (int i = 0; i < EMBEDDING_DIMENSIONS; i++) {
            int a = seed[seed.length - 1 - i] & 0xFF;
            int b = seed[seed.length - 1 - EMBEDDING_DIMENSIONS - i] & 0xFF;
            int raw = (a * 131 + b * 17 + i * 7919) % 20000;
            vector.add(BigDecimal.valueOf(raw - 10000, 4));
        }
        return vector;
    }
}
