package io.openrouteraudit.apps;

import static io.openrouteraudit.json.JsonWriter.object;

import io.openrouteraudit.json.JsonWriter;
import java.util.List;
import java.util.Map;

/**
 * The chat requests a compliance review asks about, by name, the same for every client stack:
 * one that keeps every rule, and one that breaks each in turn. {@code budget-N} is the
 * compliant request with its own label, for runs that spend a budget call by call.
 */
public final class PolicyRequests {

    public static final List<String> NAMES = List.of("compliant", "no-token-limit", "free-model",
            "unapproved-model", "fallback");
    /** A model that only its {@code models} list's second entry serves (see the simulator's fallback). */
    public static final String FALLBACK_MODEL = "sim/fallback";
    public static final String FALLBACK_SERVED_BY = "meta-llama/llama-3.1-8b-instruct";

    private PolicyRequests() {
    }

    /** The request body's members in the order they are sent. */
    public static Map<String, Object> body(String name) {
        if (name.startsWith("budget-")) {
            return compliant(name);
        }
        return switch (name) {
            case "compliant" -> compliant(name);
            case "no-token-limit" -> {
                Map<String, Object> body = compliant(name);
                body.remove("max_tokens");
                yield body;
            }
            case "free-model" -> with(compliant(name), "model", "meta-llama/llama-3.3-70b-instruct:free");
            case "unapproved-model" -> with(compliant(name), "model", "x-ai/grok-4");
            case "fallback" -> {
                Map<String, Object> body = compliant(name);
                body.put("model", FALLBACK_MODEL);
                body.put("models", List.of(FALLBACK_MODEL, FALLBACK_SERVED_BY));
                body.put("provider", object("data_collection", "deny", "zdr", true));
                yield body;
            }
            default -> throw new IllegalArgumentException("unknown policy request '" + name + "'");
        };
    }

    public static String json(String name) {
        return JsonWriter.write(body(name));
    }

    public static boolean isKnown(String name) {
        return NAMES.contains(name) || name.matches("budget-[0-9]+");
    }

    private static Map<String, Object> compliant(String label) {
        return object("model", "openai/gpt-4o-mini",
                "messages", List.of(
                        object("role", "system", "content", "You are a concise customer-support assistant."),
                        object("role", "user", "content", ChatRequestBodies.userText("policy-" + label))),
                "max_tokens", 64,
                "provider", object("only", List.of("OpenAI"), "allow_fallbacks", false,
                        "data_collection", "deny", "zdr", true));
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }
}
