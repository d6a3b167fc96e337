package io.openrouteraudit.openrouter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the JSON body of an OpenRouter POST (chat/completions, completions, responses,
 * embeddings, messages) into {@link RequestFacts}. Never throws: a malformed or truncated body
 * yields whatever was read before the fault, with {@code parseError} set. Thread-safe.
 */
public final class RequestParser {

    private final JsonFactory factory = JsonValues.newFactory();

    public RequestFacts parse(byte[] body, int offset, int length) {
        if (!JsonValues.validRange(body, offset, length)) {
            return RequestFacts.empty(true);
        }
        Fields fields = new Fields();
        boolean wellFormed = false;
        try (JsonParser p = factory.createParser(body, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return RequestFacts.empty(true);
            }
            while (JsonValues.nextField(p)) {
                String name = p.currentName();
                p.nextToken();
                readField(name, p, fields, body, offset, length);
            }
            wellFormed = p.nextToken() == null; // anything after the object is garbage
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // keep what was read before the fault
        }
        return fields.toFacts(!wellFormed);
    }

    private static void readField(String name, JsonParser p, Fields f, byte[] body, int offset,
                                  int length) throws IOException {
        switch (name) {
            case "model" -> f.model = JsonValues.text(p);
            case "models" -> f.models = JsonValues.stringList(p);
            case "stream" -> f.stream = Boolean.TRUE.equals(JsonValues.bool(p));
            case "user" -> f.user = JsonValues.text(p);
            case "session_id" -> f.sessionId = JsonValues.text(p);
            case "provider" -> readProvider(p, f);
            case "max_tokens", "max_completion_tokens", "max_output_tokens", "temperature", "top_p", "top_k",
                    "frequency_penalty", "presence_penalty", "seed" -> putNumber(name, p, f);
            case "stop" -> readStop(p, f);
            case "messages" -> f.messages = PromptReader.read(p, body, offset, length);
            case "prompt" -> f.prompt = PromptReader.read(p, body, offset, length);
            case "input" -> f.input = PromptReader.read(p, body, offset, length);
            default -> p.skipChildren();
        }
    }

    private static void readProvider(JsonParser p, Fields f) throws IOException {
        if (!JsonValues.isObject(p)) {
            p.skipChildren();
            return;
        }
        while (JsonValues.nextField(p)) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "order" -> f.providerOrder = JsonValues.stringList(p);
                case "only" -> f.providerOnly = JsonValues.stringList(p);
                case "ignore" -> f.providerIgnore = JsonValues.stringList(p);
                case "allow_fallbacks" -> f.allowFallbacks = JsonValues.bool(p);
                case "data_collection" -> f.dataCollection = JsonValues.text(p);
                case "zdr" -> f.zdr = JsonValues.bool(p);
                default -> p.skipChildren();
            }
        }
    }

    private static void putNumber(String name, JsonParser p, Fields f) throws IOException {
        Object n = JsonValues.number(p);
        if (n == null) {
            f.parameters.remove(name); // a later duplicate that is not a number cancels the earlier
            return;
        }
        f.parameters.put(name, n);
    }

    private static void readStop(JsonParser p, Fields f) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            f.parameters.put("stop", p.getText());
        } else if (JsonValues.isArray(p)) {
            f.parameters.put("stop", JsonValues.stringList(p));
        } else {
            p.skipChildren();
        }
    }

    /** Mutable collector for one parse; lives only inside {@link #parse}. */
    private static final class Fields {
        String model;
        List<String> models;
        boolean stream;
        String user;
        String sessionId;
        List<String> providerOrder;
        List<String> providerOnly;
        List<String> providerIgnore;
        Boolean allowFallbacks;
        String dataCollection;
        Boolean zdr;
        final Map<String, Object> parameters = new LinkedHashMap<>();
        PromptReader.Prompt messages;
        PromptReader.Prompt prompt;
        PromptReader.Prompt input;

        RequestFacts toFacts(boolean parseError) {
            String requested = model != null ? model
                    : models != null && !models.isEmpty() ? models.get(0) : null;
            Routing routing = new Routing(models, providerOrder, providerOnly, providerIgnore,
                    allowFallbacks, dataCollection, zdr, maxTokens());
            // messages is the chat prompt; prompt (legacy completions) and input (responses,
            // embeddings) only count when there is no messages value.
            PromptReader.Prompt chosen = messages != null ? messages : prompt != null ? prompt : input;
            return new RequestFacts(requested, stream, user, sessionId, routing, parameters,
                    chosen == null ? null : chosen.json(),
                    chosen == null ? List.of() : chosen.texts(), parseError);
        }

        private Long maxTokens() {
            // The Responses API names its limit max_output_tokens.
            Long completion = asLong(parameters.get("max_completion_tokens"));
            Long chat = completion != null ? completion : asLong(parameters.get("max_tokens"));
            return chat != null ? chat : asLong(parameters.get("max_output_tokens"));
        }

        private static Long asLong(Object n) {
            if (n instanceof Long l) {
                return l;
            }
            if (n instanceof Double d && Math.abs(d) < 9.0e18) {
                return Math.round(d);
            }
            return null;
        }
    }
}
