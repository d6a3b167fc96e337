package io.openrouteraudit.openrouter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a prompt-carrying request value ({@code messages}, {@code prompt} or {@code input}): keeps
 * its raw JSON as a byte slice of the body, because the audit hashes the prompt exactly as it left
 * the application, and collects the decoded texts inside it for redaction counting.
 */
final class PromptReader {

    /** The raw JSON of one prompt value and the texts found in it. */
    record Prompt(String json, List<String> texts) {
    }

    private PromptReader() {
    }

    /**
     * Reads the parser's current value. {@code body}/{@code offset} are what the parser was created
     * over; jackson reports byte offsets relative to {@code offset}.
     */
    static Prompt read(JsonParser p, byte[] body, int offset, int length) throws IOException {
        long start = p.currentTokenLocation().getByteOffset();
        List<String> texts = new ArrayList<>();
        collect(p, texts);
        // After the value's last token (string fully read, or closing bracket) the current
        // location is just past the value.
        long end = p.currentLocation().getByteOffset();
        String json = start >= 0 && end > start && end <= length
                ? new String(body, offset + (int) start, (int) (end - start), StandardCharsets.UTF_8)
                : null;
        return new Prompt(json, texts);
    }

    /**
     * Collects strings that are prompt text: the value itself or array items when they are strings
     * (prompt/input lists), and inside objects only the "content" and "text" members (message
     * content, content parts, nested tool-result content). Everything else (roles, tool calls,
     * image URLs, token-id arrays) is skipped.
     */
    private static void collect(JsonParser p, List<String> out) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            out.add(p.getText());
        } else if (t == JsonToken.START_ARRAY) {
            while (JsonValues.nextElement(p)) {
                collect(p, out);
            }
        } else if (t == JsonToken.START_OBJECT) {
            while (JsonValues.nextField(p)) {
                String name = p.currentName();
                p.nextToken();
                if ("content".equals(name) || "text".equals(name)) {
                    collect(p, out);
                } else {
                    p.skipChildren();
                }
            }
        }
        // numbers, booleans, null: nothing to collect, nothing to skip
    }
}
