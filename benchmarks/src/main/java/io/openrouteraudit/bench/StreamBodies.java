package io.openrouteraudit.bench;

import java.nio.charset.StandardCharsets;

/** An OpenRouter chat completion as a server-sent-event stream. */
final class StreamBodies {

    private StreamBodies() {
    }

    /** {@code count} content chunks, a final chunk with finish reason and usage, then {@code [DONE]}. */
    static byte[] chunks(int count) {
        String head = "data: {\"id\":\"gen-1766107352-qwhPp17HeXK7ivKFmPFa\",\"provider\":\"Google\","
                + "\"model\":\"google/gemini-3-flash-preview\",\"object\":\"chat.completion.chunk\",\"created\":1766107352,"
                + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"";
        StringBuilder body = new StringBuilder(count * 260);
        body.append(": OPENROUTER PROCESSING\n\n");
        for (int i = 0; i < count; i++) {
            body.append(head).append("token").append(i).append(' ')
                    .append("\"},\"finish_reason\":null,\"native_finish_reason\":null,\"logprobs\":null}]}\n\n");
        }
        body.append(head).append("\"},\"finish_reason\":\"stop\",\"native_finish_reason\":\"STOP\",\"logprobs\":null}],")
                .append("\"usage\":{\"prompt_tokens\":18,\"completion_tokens\":").append(count)
                .append(",\"total_tokens\":").append(count + 18).append(",\"cost\":0.00321,\"is_byok\":false}}\n\n");
        body.append("data: [DONE]\n\n");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
