package io.openrouteraudit.apps;

import io.openrouteraudit.json.JsonReader;
import java.util.List;
import java.util.Map;

/** Assembles the assistant's text from server-sent-event lines, the way an OpenRouter client does. */
final class SseText {

    private SseText() {
    }

    /** Skips {@code :} comments, stops at {@code [DONE]}, concatenates {@code delta.content} (or legacy {@code text}). */
    static String assistantText(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (!line.startsWith("data: ")) {
                continue;
            }
            String data = line.substring("data: ".length());
            if (data.equals("[DONE]")) {
                break;
            }
            Map<String, Object> event = JsonReader.parseObject(data);
            if (event.get("error") instanceof Map<?, ?> error) {
                text.append("[stream error ").append(error.get("code")).append(": ")
                        .append(error.get("message")).append(']');
            }
            if (event.get("choices") instanceof List<?> choices && !choices.isEmpty()
                    && choices.get(0) instanceof Map<?, ?> choice) {
                if (choice.get("delta") instanceof Map<?, ?> delta && delta.get("content") instanceof String s) {
                    text.append(s);
                } else if (choice.get("text") instanceof String s) {
                    text.append(s);
                }
            }
        }
        return text.toString();
    }
}
