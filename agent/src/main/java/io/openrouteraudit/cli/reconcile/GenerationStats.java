package io.openrouteraudit.cli.reconcile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What OpenRouter's {@code GET /api/v1/generation?id=} says about one generation: the members
 * of its {@code data} object that the journal also holds. A member OpenRouter did not send
 * (or sent as {@code null}) is {@code null} and is not compared.
 */
public record GenerationStats(String id, String model, String providerName, Double totalCost,
                              Long tokensPrompt, Long tokensCompletion,
                              Long nativeTokensPrompt, Long nativeTokensCompletion) {

    private static final JsonFactory JSON = new JsonFactory();

    /** Parses {@code {"data":{…}}}; anything else is an {@link IOException}. */
    public static GenerationStats parse(String body) throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the answer is not a JSON object");
            }
            GenerationStats found = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("data") && value == JsonToken.START_OBJECT) {
                    found = data(p);
                } else {
                    p.skipChildren();
                }
            }
            if (found == null) {
                throw new IOException("the answer has no \"data\" object");
            }
            return found;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("the answer is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static GenerationStats data(JsonParser p) throws IOException {
        String id = null;
        String model = null;
        String provider = null;
        Double cost = null;
        Long prompt = null;
        Long completion = null;
        Long nativePrompt = null;
        Long nativeCompletion = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "id" -> id = text(value, p);
                case "model" -> model = text(value, p);
                case "provider_name" -> provider = text(value, p);
                case "total_cost" -> cost = decimal(value, p);
                case "tokens_prompt" -> prompt = integer(value, p);
                case "tokens_completion" -> completion = integer(value, p);
                case "native_tokens_prompt" -> nativePrompt = integer(value, p);
                case "native_tokens_completion" -> nativeCompletion = integer(value, p);
                default -> p.skipChildren();
            }
        }
        return new GenerationStats(id, model, provider, cost, prompt, completion, nativePrompt, nativeCompletion);
    }

    private static String text(JsonToken value, JsonParser p) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** A JSON number, or a number written as a string (some APIs send money that way). */
    private static Double decimal(JsonToken value, JsonParser p) throws IOException {
        if (value.isNumeric()) {
            return p.getDoubleValue();
        }
        if (value == JsonToken.VALUE_STRING) {
            try {
                return Double.valueOf(p.getText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        p.skipChildren();
        return null;
    }

    private static Long integer(JsonToken value, JsonParser p) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (value == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            return d == Math.rint(d) ? (long) d : null;
        }
        if (value == JsonToken.VALUE_STRING) {
            try {
                return Long.valueOf(p.getText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        p.skipChildren();
        return null;
    }
}
