package io.openrouteraudit.openrouter;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/**
 * Reads typed content parts ({@code {"type":"output_text","text":"..."}}) as found in message
 * content arrays, Responses API output items and Anthropic-format content blocks.
 */
final class ContentParts {

    private ContentParts() {
    }

    /**
     * The text of the current part when its type is absent or one of {@code acceptedTypes}; null
     * otherwise (images, tool calls, refusals, reasoning). The type may follow the text, so both
     * are read before deciding.
     */
    static String partText(JsonParser p, String... acceptedTypes) throws IOException {
        if (!JsonValues.isObject(p)) {
            p.skipChildren();
            return null;
        }
        String type = null;
        String text = null;
        while (JsonValues.nextField(p)) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "type" -> type = JsonValues.text(p);
                case "text" -> text = JsonValues.text(p);
                default -> p.skipChildren();
            }
        }
        if (text == null || type == null) {
            return text;
        }
        for (String accepted : acceptedTypes) {
            if (accepted.equals(type)) {
                return text;
            }
        }
        return null;
    }

    /** Concatenated accepted texts of an array of parts; null when none. */
    static String partsText(JsonParser p, String... acceptedTypes) throws IOException {
        if (!JsonValues.isArray(p)) {
            p.skipChildren();
            return null;
        }
        StringBuilder sb = null;
        while (JsonValues.nextElement(p)) {
            String part = partText(p, acceptedTypes);
            if (part != null) {
                sb = sb == null ? new StringBuilder() : sb;
                sb.append(part);
            }
        }
        return sb == null ? null : sb.toString();
    }
}
