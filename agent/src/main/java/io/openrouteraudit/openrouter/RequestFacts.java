package io.openrouteraudit.openrouter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the audit needs from one OpenRouter request body. Immutable; built by {@link RequestParser}.
 *
 * @param model      the request's {@code model}, or the first of {@code models} when absent
 * @param stream     {@code "stream": true}
 * @param user       the {@code user} field
 * @param sessionId  the {@code session_id} field
 * @param routing    routing constraints, never null
 * @param parameters sampling parameters present in the request (max_tokens, max_completion_tokens, max_output_tokens,
 *                   temperature, top_p, top_k, frequency_penalty, presence_penalty, seed, stop) in
 *                   body order; numbers as Long or Double, stop as String or List of String
 * @param promptJson the raw JSON text of {@code messages} (else {@code prompt}, else {@code input})
 *                   exactly as sent, so its hash matches the bytes that left the application
 * @param promptTexts the decoded text contents inside that value, in order; never null
 * @param parseError the body was not a complete, well-formed JSON object
 */
public record RequestFacts(String model, boolean stream, String user, String sessionId,
                           Routing routing, Map<String, Object> parameters, String promptJson,
                           List<String> promptTexts, boolean parseError) {

    public RequestFacts {
        routing = routing == null ? Routing.none() : routing;
        parameters = parameters == null || parameters.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        promptTexts = promptTexts == null ? List.of() : List.copyOf(promptTexts);
    }

    /** Facts of a body that yielded nothing. */
    public static RequestFacts empty(boolean parseError) {
        return new RequestFacts(null, false, null, null, Routing.none(), Map.of(), null, List.of(),
                parseError);
    }
}
