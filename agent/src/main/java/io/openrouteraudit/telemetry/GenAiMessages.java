package io.openrouteraudit.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;

/**
 * The record's (already redacted) prompt and completion as the GenAI conventions' message JSON:
 * {@code [{"role":"user","parts":[{"type":"text","content":"…"}]}]}. The prompt is the request's
 * {@code messages} (or {@code prompt}/{@code input}) as sent, in OpenAI's chat shape.
 */
final class GenAiMessages {

    private static final JsonFactory JSON = new JsonFactory();

    private GenAiMessages() {
    }

    /** {@code gen_ai.input.messages}, or {@code null} when the prompt is not a shape we know. */
    static String input(String promptJson) {
        try (JsonParser p = JSON.createParser(promptJson)) {
            JsonToken first = p.nextToken();
            StringWriter out = new StringWriter(promptJson.length() + 64);
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartArray();
                if (first == JsonToken.VALUE_STRING) {
                    textMessage(g, "user", p.getText());
                } else if (first == JsonToken.START_ARRAY) {
                    messages(p, g);
                } else {
                    return null;
                }
                g.writeEndArray();
            }
            return out.toString();
        } catch (IOException | RuntimeException malformed) {
            return null;
        }
    }

    /** {@code gen_ai.output.messages}: the assistant's text and why it ended. */
    static String output(String completion, String finishReason) {
        StringWriter out = new StringWriter(completion.length() + 96);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("role", "assistant");
            parts(g, completion);
            if (finishReason != null) {
                g.writeStringField("finish_reason", finishReason);
            }
            g.writeEndObject();
            g.writeEndArray();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toString();
    }

    /** The completion as one OpenAI-shaped assistant message, which Langfuse shows as chat. */
    static String assistantMessage(String completion) {
        StringWriter out = new StringWriter(completion.length() + 40);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("role", "assistant");
            g.writeStringField("content", completion);
            g.writeEndObject();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toString();
    }

    private static void messages(JsonParser p, JsonGenerator g) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t == JsonToken.VALUE_STRING) {
                textMessage(g, "user", p.getText());
            } else if (t == JsonToken.START_OBJECT) {
                message(p, g);
            } else {
                p.skipChildren();
            }
        }
    }

    /** One chat message: its role and its text parts; other parts keep only their type. */
    private static void message(JsonParser p, JsonGenerator g) throws IOException {
        String role = "user";
        StringWriter partsJson = new StringWriter();
        try (JsonGenerator parts = JSON.createGenerator(partsJson)) {
            parts.writeStartArray();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("role".equals(field) && value == JsonToken.VALUE_STRING) {
                    role = p.getText();
                } else if ("content".equals(field) && value == JsonToken.VALUE_STRING) {
                    textPart(parts, p.getText());
                } else if ("content".equals(field) && value == JsonToken.START_ARRAY) {
                    contentParts(p, parts);
                } else {
                    p.skipChildren();
                }
            }
            parts.writeEndArray();
        }
        g.writeStartObject();
        g.writeStringField("role", role);
        g.writeFieldName("parts");
        g.writeRawValue(partsJson.toString());
        g.writeEndObject();
    }

    private static void contentParts(JsonParser p, JsonGenerator parts) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t == JsonToken.VALUE_STRING) {
                textPart(parts, p.getText());
            } else if (t == JsonToken.START_OBJECT) {
                String type = null;
                String text = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("type".equals(field) && value == JsonToken.VALUE_STRING) {
                        type = p.getText();
                    } else if ("text".equals(field) && value == JsonToken.VALUE_STRING) {
                        text = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                if (text != null) {
                    textPart(parts, text);
                } else {
                    parts.writeStartObject();
                    parts.writeStringField("type", type == null ? "unknown" : type);
                    parts.writeEndObject();
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void textMessage(JsonGenerator g, String role, String text) throws IOException {
        g.writeStartObject();
        g.writeStringField("role", role);
        parts(g, text);
        g.writeEndObject();
    }

    private static void parts(JsonGenerator g, String text) throws IOException {
        g.writeArrayFieldStart("parts");
        textPart(g, text);
        g.writeEndArray();
    }

    private static void textPart(JsonGenerator g, String text) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "text");
        g.writeStringField("content", text);
        g.writeEndObject();
    }
}
