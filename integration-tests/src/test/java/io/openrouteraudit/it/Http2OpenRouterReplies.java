package io.openrouteraudit.it;

import static io.openrouteraudit.json.JsonWriter.object;

import io.openrouteraudit.json.JsonWriter;
import io.openrouteraudit.sim.ChatRequest;
import io.openrouteraudit.sim.GenerationPlan;
import io.openrouteraudit.sim.ReceivedRequest;
import io.openrouteraudit.sim.ReplyPart;
import io.openrouteraudit.sim.ResponseFacts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Http2OpenRouterServer} answers, in the wire shapes of OPENROUTER.md and with the
 * values of the simulator's {@link GenerationPlan} (derived from the request alone, so two runs
 * of an application see the same bytes): a chat completion as JSON, or as an event stream of
 * keep-alives, two-word content chunks, the documented usage chunk ({@code "choices": []}) and
 * {@code data: [DONE]}; a model list for {@code GET /api/v1/models}; an OpenRouter error otherwise.
 */
final class Http2OpenRouterReplies {

    static final String CHAT_COMPLETIONS = "/api/v1/chat/completions";
    static final String MODELS = "/api/v1/models";

    private static final Duration SERVER_TIME = Duration.ofMillis(15);
    private static final Duration BETWEEN_EVENTS = Duration.ofMillis(5);
    private static final String KEEP_ALIVE = ": OPENROUTER PROCESSING\n\n";
    private static final String DONE = "data: [DONE]\n\n";

    /**
     * One answer, decided before a byte is written.
     *
     * @param parts the body, written and flushed part by part (one HTTP/2 DATA frame or more each)
     */
    record Reply(int status, Map<String, String> headers, List<ReplyPart> parts, ResponseFacts facts) {

        int contentLength() {
            return parts.stream().mapToInt(p -> p.bytes().length).sum();
        }
    }

    private Http2OpenRouterReplies() {
    }

    static Reply answer(ReceivedRequest received) {
        if (MODELS.equals(received.path()) && "GET".equals(received.method())) {
            return json(200, null, modelList(), ResponseFacts.none());
        }
        if (!CHAT_COMPLETIONS.equals(received.path())) {
            return error(404, "Not Found");
        }
        if (!"POST".equals(received.method())) {
            return error(405, "Method Not Allowed");
        }
        ChatRequest request;
        try {
            request = ChatRequest.parse(received.body());
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        GenerationPlan plan = GenerationPlan.derive(received, request, request.model());
        ResponseFacts facts = new ResponseFacts(true, request.stream(), plan.id(), plan.modelUsed(), plan.provider(),
                plan.promptTokens(), plan.completionTokens(), plan.reasoningTokens(), plan.cachedTokens(),
                plan.cost(), plan.finishReason(), null, plan.answer());
        return request.stream() ? stream(plan, facts) : json(200, plan.id(), completion(plan), facts);
    }

    private static Reply json(int status, String generationId, Map<String, Object> body, ResponseFacts facts) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (generationId != null) {
            headers.put("X-Generation-Id", generationId);
        }
        byte[] bytes = JsonWriter.write(body).getBytes(StandardCharsets.UTF_8);
        return new Reply(status, headers, List.of(new ReplyPart(SERVER_TIME, bytes)), facts);
    }

    private static Reply error(int code, String message) {
        return json(code, null, object("error", object("code", code, "message", message, "metadata", object())),
                ResponseFacts.httpError(code));
    }

    private static Reply stream(GenerationPlan plan, ResponseFacts facts) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/event-stream");
        headers.put("Cache-Control", "no-cache");
        headers.put("X-Generation-Id", plan.id());
        List<ReplyPart> parts = new ArrayList<>();
        parts.add(ReplyPart.after(Duration.ZERO, KEEP_ALIVE));
        List<String> pieces = pieces(plan.answer());
        for (int i = 0; i < pieces.size(); i++) {
            boolean first = i == 0;
            boolean last = i == pieces.size() - 1;
            Map<String, Object> delta = first ? object("role", "assistant", "content", pieces.get(i))
                    : object("content", pieces.get(i));
            String finishReason = last ? plan.finishReason() : null;
            parts.add(ReplyPart.after(first ? SERVER_TIME : BETWEEN_EVENTS, data(chunk(plan, List.of(
                    object("index", 0, "delta", delta, "finish_reason", finishReason,
                            "native_finish_reason", finishReason))))));
        }
        Map<String, Object> usage = chunk(plan, List.of());
        usage.put("usage", usage(plan));
        parts.add(ReplyPart.after(BETWEEN_EVENTS, data(usage)));
        parts.add(ReplyPart.after(BETWEEN_EVENTS, DONE));
        return new Reply(200, headers, parts, facts);
    }

    private static Map<String, Object> completion(GenerationPlan plan) {
        Map<String, Object> choice = object("index", 0, "finish_reason", plan.finishReason(),
                "native_finish_reason", plan.finishReason(), "logprobs", null,
                "message", object("role", "assistant", "content", plan.answer(), "refusal", null, "reasoning", null));
        return object("id", plan.id(), "provider", plan.provider(), "model", plan.modelUsed(),
                "object", "chat.completion", "created", plan.created(), "choices", List.of(choice),
                "usage", usage(plan));
    }

    private static Map<String, Object> chunk(GenerationPlan plan, List<Object> choices) {
        return object("id", plan.id(), "provider", plan.provider(), "model", plan.modelUsed(),
                "object", "chat.completion.chunk", "created", plan.created(), "choices", choices);
    }

    private static Map<String, Object> usage(GenerationPlan plan) {
        return object("prompt_tokens", plan.promptTokens(), "completion_tokens", plan.completionTokens(),
                "total_tokens", plan.totalTokens(), "cost", plan.cost(), "is_byok", false,
                "prompt_tokens_details", object("cached_tokens", plan.cachedTokens(), "cache_write_tokens", 0,
                        "audio_tokens", 0),
                "completion_tokens_details", object("reasoning_tokens", plan.reasoningTokens(), "image_tokens", 0),
                "cost_details", object("upstream_inference_cost", null,
                        "upstream_inference_prompt_cost", plan.promptCost(),
                        "upstream_inference_completions_cost", plan.completionCost()));
    }

    private static Map<String, Object> modelList() {
        return object("data", List.of(
                object("id", "openai/gpt-4o-mini", "name", "OpenAI: GPT-4o-mini", "context_length", 128000,
                        "pricing", object("prompt", "0.00000015", "completion", "0.0000006", "request", "0")),
                object("id", "google/gemini-2.5-flash", "name", "Google: Gemini 2.5 Flash", "context_length", 1048576,
                        "pricing", object("prompt", "0.0000003", "completion", "0.0000025", "request", "0"))));
    }

    /** The answer in pieces of two words, each piece but the first led by its space. */
    private static List<String> pieces(String answer) {
        String[] words = answer.split(" ");
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < words.length; i += 2) {
            pieces.add((i == 0 ? "" : " ") + words[i] + (i + 1 < words.length ? " " + words[i + 1] : ""));
        }
        return pieces;
    }

    private static String data(Map<String, Object> event) {
        return "data: " + JsonWriter.write(event) + "\n\n";
    }
}
