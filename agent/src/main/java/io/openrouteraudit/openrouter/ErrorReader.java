package io.openrouteraudit.openrouter;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/** Reads an OpenRouter error object: {@code {"code":429,"message":"...","metadata":{...}}}. */
final class ErrorReader {

    /** @param code error code as text ("429"); null when the error has none */
    record ErrorInfo(String code, String message) {
    }

    private ErrorReader() {
    }

    /** Reads the current value; null when it is not an object with a code, type or message. */
    static ErrorInfo read(JsonParser p) throws IOException {
        if (!JsonValues.isObject(p)) {
            p.skipChildren(); // "error": null in successful Responses API bodies
            return null;
        }
        String code = null;
        String type = null;
        String message = null;
        while (JsonValues.nextField(p)) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "code" -> code = JsonValues.codeText(p);
                case "message" -> message = JsonValues.text(p);
                // Anthropic-format errors ({"type":"overloaded_error"}) and newer OpenRouter
                // errors name a type; it stands in for a missing code.
                case "type", "error_type" -> {
                    String t = JsonValues.text(p);
                    type = type == null ? t : type;
                }
                default -> p.skipChildren();
            }
        }
        if (code == null) {
            code = type;
        }
        return code == null && message == null ? null : new ErrorInfo(code, message);
    }
}
