package io.openrouteraudit.apps;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sends {@link PolicyRequests} by name through the OpenAI Java SDK, one after another, and prints
 * one line per call; OpenRouter's routing members go as extra body properties, as applications
 * send them. The client retries a failed call once, as SDK clients are usually configured to.
 * {@code OpenAiPolicyApp <baseUrl> <request>...}.
 */
public final class OpenAiPolicyApp {

    private OpenAiPolicyApp() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: OpenAiPolicyApp <baseUrl> <request>...");
            System.exit(2);
        }
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(args[0] + "/api/v1")
                .apiKey(ClientIdentity.API_KEY)
                .maxRetries(1)
                .timeout(Duration.ofSeconds(30))
                .putHeader("HTTP-Referer", ClientIdentity.HTTP_REFERER)
                .putHeader("X-Title", ClientIdentity.X_TITLE)
                .build();
        try {
            for (int i = 1; i < args.length; i++) {
                String name = args[i];
                try {
                    ChatCompletion completion = client.chat().completions().create(params(PolicyRequests.body(name)));
                    System.out.println(PolicyCallLine.answered(name, 200,
                            "{\"model\":\"" + completion.model() + "\"}"));
                } catch (RuntimeException e) {
                    System.out.println(PolicyCallLine.failed(name, e));
                }
            }
        } finally {
            client.close();
        }
    }

    @SuppressWarnings({"deprecation", "unchecked"}) // max_tokens: what OpenRouter applications send
    private static ChatCompletionCreateParams params(Map<String, Object> body) {
        List<Map<String, Object>> messages = (List<Map<String, Object>>) body.get("messages");
        ChatCompletionCreateParams.Builder builder = ChatCompletionCreateParams.builder()
                .model((String) body.get("model"))
                .addSystemMessage((String) messages.get(0).get("content"))
                .addUserMessage((String) messages.get(1).get("content"));
        if (body.get("max_tokens") instanceof Number limit) {
            builder.maxTokens(limit.longValue());
        }
        for (String routing : List.of("models", "provider")) {
            if (body.containsKey(routing)) {
                builder.putAdditionalBodyProperty(routing, JsonValue.from(body.get(routing)));
            }
        }
        return builder.build();
    }
}
