package io.openrouteraudit.openrouter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads a {@code choices} array and applies the first choice (index 0) to the accumulator. A
 * choice's {@code index} may follow its delta in the object, so each choice is read into a small
 * holder first and applied once it is known to be choice 0; without an index, position 0 counts.
 */
final class ChoiceReader {

    private ChoiceReader() {
    }

    static void read(JsonParser p, ResponseAccumulator acc) throws IOException {
        if (!JsonValues.isArray(p)) {
            p.skipChildren();
            return;
        }
        int position = 0;
        while (JsonValues.nextElement(p)) {
            if (JsonValues.isObject(p)) {
                Choice c = readChoice(p);
                if (c.index != null ? c.index == 0 : position == 0) {
                    c.applyTo(acc);
                }
            } else {
                p.skipChildren();
            }
            position++;
        }
    }

    private static Choice readChoice(JsonParser p) throws IOException {
        Choice c = new Choice();
        while (JsonValues.nextField(p)) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "index" -> c.index = JsonValues.longValue(p);
                case "finish_reason" -> c.finishReason = JsonValues.text(p);
                case "text" -> c.text = JsonValues.text(p);
                case "error" -> c.error = ErrorReader.read(p);
                case "delta" -> readMessage(p, c, true);
                case "message" -> readMessage(p, c, false);
                default -> p.skipChildren();
            }
        }
        return c;
    }

    /** Reads a {@code delta} (stream) or {@code message} (whole response) object. */
    private static void readMessage(JsonParser p, Choice c, boolean delta) throws IOException {
        if (!JsonValues.isObject(p)) {
            p.skipChildren();
            return;
        }
        while (JsonValues.nextField(p)) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "content" -> {
                    String content = contentText(p);
                    if (delta) {
                        c.deltaContent = content;
                    } else {
                        c.messageContent = content;
                    }
                }
                case "reasoning", "reasoning_content" -> {
                    String r = JsonValues.text(p);
                    c.reasoning = r != null && !r.isEmpty() ? r : c.reasoning;
                }
                default -> p.skipChildren();
            }
        }
    }

    /** Message content is a string, or (some providers) an array of parts with "text". */
    private static String contentText(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        return ContentParts.partsText(p, "text");
    }

    /** One choice as read; applied only when it is the first choice. */
    private static final class Choice {
        Long index;
        String finishReason;
        String text;
        String deltaContent;
        String messageContent;
        String reasoning;
        ErrorReader.ErrorInfo error;

        void applyTo(ResponseAccumulator acc) {
            acc.finishReason(finishReason);
            if (error != null) {
                acc.choiceError(error);
            }
            acc.appendDelta(deltaContent);
            acc.reasoningDelta(reasoning);
            // Legacy completions put text in choices[].text: a piece in a stream, whole otherwise.
            if (acc.stream()) {
                acc.appendDelta(text);
            } else {
                acc.appendFullText(text);
            }
            acc.appendFullText(messageContent);
        }
    }
}
