package io.openrouteraudit.sim;

import io.openrouteraudit.json.JsonReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of a chat or legacy completion request that decide the simulator's answer.
 *
 * @param model      the body's {@code model}, or the first of {@code models} when it has none
 * @param models     the body's {@code models} fallback list (empty when absent)
 * @param promptText the text of all {@code messages} contents, or the legacy {@code prompt}, or
 *                   the {@code input} of the Responses API and embeddings (a string, strings,
 *                   or messages)
 */
public record ChatRequest(String model, List<String> models, boolean stream, Integer maxTokens, String promptText) {

    /** Parses a request body; throws IllegalArgumentException when it is not a usable request. */
    public static ChatRequest parse(byte[] body) {
        Map<String, Object> json = JsonReader.parseObject(new String(body, StandardCharsets.UTF_8));
        List<String> models = new ArrayList<>();
        if (json.get("models") instanceof List<?> list) {
            for (Object m : list) {
                models.add(String.valueOf(m));
            }
        }
        String model = json.get("model") instanceof String s ? s : models.isEmpty() ? null : models.get(0);
        if (model == null) {
            throw new IllegalArgumentException("No models provided");
        }
        boolean stream = Boolean.TRUE.equals(json.get("stream"));
        Integer maxTokens = json.get("max_tokens") instanceof BigDecimal n ? n.intValue() : null;
        return new ChatRequest(model, List.copyOf(models), stream, maxTokens, promptText(json));
    }

    private static String promptText(Map<String, Object> json) {
        if (json.get("prompt") instanceof String prompt) {
            return prompt;
        }
        if (json.get("input") instanceof String input) {
            return input;
        }
        StringBuilder text = new StringBuilder();
        Object messages = json.get("messages") instanceof List<?> ? json.get("messages") : json.get("input");
        if (messages instanceof List<?> list) {
            for (Object message : list) {
                if (message instanceof String s) {
                    text.append(s).append('\n');
                } else if (message instanceof Map<?, ?> m && m.get("content") instanceof String content) {
                    text.append(content).append('\n');
                }
            }
        }
        return text.toString();
    }
}
