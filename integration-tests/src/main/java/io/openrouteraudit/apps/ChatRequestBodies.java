package io.openrouteraudit.apps;

import static io.openrouteraudit.json.JsonWriter.object;

import io.openrouteraudit.json.JsonWriter;
import java.util.List;
import java.util.Map;

/**
 * Request bodies as an application builds them. Every prompt holds one e-mail address and
 * one phone number (so redaction can be counted) and a label naming the call, which makes
 * every body, and so every simulated generation id, distinct.
 */
public final class ChatRequestBodies {

    public static final int DEFAULT_MAX_TOKENS = 256;

    private ChatRequestBodies() {
    }

    public static String chat(String model, String label) {
        return JsonWriter.write(chatObject(model, label, false, DEFAULT_MAX_TOKENS));
    }

    public static String chat(String model, String label, int maxTokens) {
        return JsonWriter.write(chatObject(model, label, false, maxTokens));
    }

    public static String chatStream(String model, String label) {
        return JsonWriter.write(chatObject(model, label, true, DEFAULT_MAX_TOKENS));
    }

    /** A request with a {@code models} fallback list whose first entry is also the {@code model}. */
    public static String chatWithFallbacks(List<String> models, String label) {
        Map<String, Object> body = chatObject(models.get(0), label, false, DEFAULT_MAX_TOKENS);
        body.put("models", models);
        return JsonWriter.write(body);
    }

    /** A legacy text completion ({@code /api/v1/completions}): {@code prompt} instead of {@code messages}. */
    public static String legacyCompletion(String model, String label) {
        return JsonWriter.write(object("model", model, "prompt", userText(label) + "\nReply:",
                "max_tokens", DEFAULT_MAX_TOKENS, "temperature", 0.2));
    }

    public static String userText(String label) {
        if (PlantedSecrets.enabled()) {
            return PlantedSecrets.userText(label);
        }
        return "[" + label + "] Please draft a short, friendly reply to " + ClientIdentity.EMAIL
                + ", who called from " + ClientIdentity.PHONE + " about the late delivery of order 48213.";
    }

    private static Map<String, Object> chatObject(String model, String label, boolean stream, int maxTokens) {
        Map<String, Object> body = object("model", model,
                "messages", List.of(
                        object("role", "system", "content", "You are a concise customer-support assistant."),
                        object("role", "user", "content", userText(label))),
                "max_tokens", maxTokens, "temperature", 0.2);
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }
}
