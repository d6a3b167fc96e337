package io.openrouteraudit.sim;

import static io.openrouteraudit.json.JsonWriter.object;

import io.openrouteraudit.json.JsonWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/generation?id=gen-…}: the stats of a generation this simulator served,
 * from what it sent (OpenRouter's {@code {"data":{…}}} shape), or 404 for an unknown id.
 */
final class GenerationLookup {

    static final String PATH = "/api/v1/generation";

    private GenerationLookup() {
    }

    static PlannedReply answer(ReceivedRequest request, List<RecordedExchange> served) {
        return answer(request, served, new GenerationLookupRules());
    }

    /** As {@link #answer(ReceivedRequest, List)}, with early 404s, planted differences and forgotten ids. */
    static PlannedReply answer(ReceivedRequest request, List<RecordedExchange> served, GenerationLookupRules rules) {
        String id = queryParameter(request.query(), "id");
        for (RecordedExchange exchange : served) {
            ResponseFacts facts = exchange.response().facts();
            if (id != null && id.equals(facts.generationId())) {
                if (rules.answersNotFound(id)) {
                    break;
                }
                Map<String, Object> data = object("id", id, "model", facts.modelUsed(),
                        "provider_name", facts.provider(), "total_cost", facts.cost(),
                        "tokens_prompt", facts.promptTokens(), "tokens_completion", facts.completionTokens(),
                        "native_tokens_prompt", facts.promptTokens(),
                        "native_tokens_completion", facts.completionTokens(),
                        "native_tokens_reasoning", facts.reasoningTokens(),
                        "finish_reason", facts.finishReason(), "streamed", facts.stream(),
                        "cancelled", !exchange.response().delivered(), "is_byok", false);
                rules.applyTo(id, data);
                byte[] body = JsonWriter.write(object("data", data)).getBytes(StandardCharsets.UTF_8);
                return new PlannedReply(200, Map.of("Content-Type", "application/json"), Duration.ZERO,
                        List.of(ReplyPart.now(body)), false, ResponseFacts.none());
            }
        }
        PlannedReply notFound = ReplyPlanner.error(404, "Generation " + id + " not found", object());
        return new PlannedReply(404, notFound.headers(), Duration.ZERO, notFound.parts(), false, ResponseFacts.none());
    }

    private static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
