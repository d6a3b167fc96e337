package io.openrouteraudit.sim;

import static io.openrouteraudit.json.JsonWriter.object;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The JSON bodies of OpenRouter's completion endpoints, in the shapes of OPENROUTER.md. */
final class ChatCompletionJson {

    static final int PROVIDER_ERROR_CODE = 502;

    private ChatCompletionJson() {
    }

    /** A chat completion, or with {@code legacy} a text completion ({@code choices[].text}). */
    static Map<String, Object> completion(GenerationPlan plan, boolean legacy) {
        Map<String, Object> choice = legacy
                ? object("index", 0, "text", plan.answer(), "finish_reason", plan.finishReason(),
                        "native_finish_reason", nativeFinishReason(plan), "logprobs", null)
                : object("index", 0, "finish_reason", plan.finishReason(),
                        "native_finish_reason", nativeFinishReason(plan), "logprobs", null,
                        "message", object("role", "assistant", "content", plan.answer(), "refusal", null,
                                "reasoning", null));
        return object("id", plan.id(), "provider", plan.provider(), "model", plan.modelUsed(),
                "object", legacy ? "text_completion" : "chat.completion", "created", plan.created(),
                "choices", List.of(choice), "usage", detailedUsage(plan));
    }

    /** HTTP 200 whose only choice failed upstream: {@code finish_reason "error"} and {@code choices[0].error}. */
    static Map<String, Object> providerFailure(GenerationPlan plan) {
        Map<String, Object> choice = object("index", 0, "finish_reason", "error", "native_finish_reason", "error",
                "logprobs", null, "message", object("role", "assistant", "content", ""),
                "error", object("code", PROVIDER_ERROR_CODE, "message", "Provider returned error",
                        "metadata", object("provider_name", plan.provider(),
                                "raw", "upstream connect error or disconnect/reset before headers")));
        return object("id", plan.id(), "provider", plan.provider(), "model", plan.modelUsed(),
                "object", "chat.completion", "created", plan.created(), "choices", List.of(choice),
                "usage", object("prompt_tokens", plan.promptTokens(), "completion_tokens", 0,
                        "total_tokens", plan.promptTokens(), "cost", BigDecimal.ZERO, "is_byok", false));
    }

    /** Usage with every detail OpenRouter sends on a JSON response. */
    static Map<String, Object> detailedUsage(GenerationPlan plan) {
        return object("prompt_tokens", plan.promptTokens(), "completion_tokens", plan.completionTokens(),
                "total_tokens", plan.totalTokens(), "cost", plan.cost(), "is_byok", false,
                "prompt_tokens_details", object("cached_tokens", plan.cachedTokens(), "cache_write_tokens", 0,
                        "audio_tokens", 0),
                "completion_tokens_details", object("reasoning_tokens", plan.reasoningTokens(), "image_tokens", 0),
                "cost_details", object("upstream_inference_cost", null,
                        "upstream_inference_prompt_cost", plan.promptCost(),
                        "upstream_inference_completions_cost", plan.completionCost()));
    }

    /** Usage as seen in the observed stream shape: counts and cost, no details. */
    static Map<String, Object> basicUsage(GenerationPlan plan) {
        return object("prompt_tokens", plan.promptTokens(), "completion_tokens", plan.completionTokens(),
                "total_tokens", plan.totalTokens(), "cost", plan.cost(), "is_byok", false);
    }

    /** {@code {"error":{"code":..,"message":..,"metadata":..}}}; the HTTP status equals the code. */
    static Map<String, Object> error(int code, String message, Map<String, Object> metadata) {
        return object("error", object("code", code, "message", message, "metadata", metadata));
    }

    static String nativeFinishReason(GenerationPlan plan) {
        return "Google".equals(plan.provider()) ? plan.finishReason().toUpperCase(java.util.Locale.ROOT)
                : plan.finishReason();
    }
}
