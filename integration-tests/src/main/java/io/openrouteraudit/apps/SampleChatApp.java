package io.openrouteraudit.apps;

import static io.openrouteraudit.json.JsonWriter.object;

import io.openrouteraudit.json.JsonReader;
import io.openrouteraudit.json.JsonWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The README demo: a small program that asks OpenRouter two questions through the JDK
 * HttpClient — one answered whole, one streamed token by token — and prints the answers.
 * Nothing in it knows about the audit agent.
 *
 * <p>Usage: {@code SampleChatApp <baseUrl>}, e.g. {@code http://127.0.0.1:8080} for the simulator.
 */
public final class SampleChatApp {

    static final String PLAIN_QUESTION = "Draft a two-line reply to " + ClientIdentity.EMAIL
            + ", who called from " + ClientIdentity.PHONE + " about a parcel that is late.";
    static final String STREAMED_QUESTION = "In one sentence: what does an append-only audit journal prove?";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;

    private SampleChatApp(String baseUrl) {
        this.endpoint = URI.create(baseUrl + "/api/v1/chat/completions");
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: SampleChatApp <baseUrl>");
            System.exit(2);
        }
        SampleChatApp app = new SampleChatApp(args[0]);
        app.ask(Models.GPT_4O_MINI, PLAIN_QUESTION);
        app.askStreaming(Models.GEMINI_FLASH, STREAMED_QUESTION);
    }

    private void ask(String model, String question) throws IOException, InterruptedException {
        System.out.println("> " + question);
        HttpResponse<String> response = client.send(request(model, question, false),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.out.println("< HTTP " + response.statusCode() + ": " + response.body());
            return;
        }
        Map<String, Object> answer = JsonReader.parseObject(response.body());
        Map<?, ?> message = (Map<?, ?>) ((Map<?, ?>) ((List<?>) answer.get("choices")).get(0)).get("message");
        System.out.println("< " + message.get("content"));
        System.out.println("  " + footnote(answer));
    }

    private void askStreaming(String model, String question) throws IOException, InterruptedException {
        System.out.println("> " + question + " (streamed)");
        HttpResponse<Stream<String>> response = client.send(request(model, question, true),
                HttpResponse.BodyHandlers.ofLines());
        System.out.print("< ");
        Map<String, Object> last = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (!line.startsWith("data: ")) {
                    continue; // blank separators and ": OPENROUTER PROCESSING" keep-alives
                }
                String data = line.substring("data: ".length());
                if (data.equals("[DONE]")) {
                    break;
                }
                Map<String, Object> event = JsonReader.parseObject(data);
                List<?> choices = (List<?>) event.get("choices");
                if (!choices.isEmpty() && ((Map<?, ?>) choices.get(0)).get("delta") instanceof Map<?, ?> delta
                        && delta.get("content") instanceof String text) {
                    System.out.print(text);
                    System.out.flush();
                }
                if (event.containsKey("usage")) {
                    last = event;
                }
            }
        }
        System.out.println();
        System.out.println("  " + (last == null ? "[no usage reported]" : footnote(last)));
    }

    private HttpRequest request(String model, String question, boolean stream) {
        Map<String, Object> body = object("model", model,
                "messages", List.of(object("role", "user", "content", question)),
                "max_tokens", 200);
        if (stream) {
            body.put("stream", true);
        }
        return HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ClientIdentity.API_KEY)
                .header("HTTP-Referer", ClientIdentity.HTTP_REFERER)
                .header("X-Title", ClientIdentity.X_TITLE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonWriter.write(body)))
                .build();
    }

    private static String footnote(Map<String, Object> response) {
        Map<?, ?> usage = (Map<?, ?>) response.get("usage");
        return "[" + response.get("model") + " via " + response.get("provider") + ", "
                + usage.get("prompt_tokens") + "+" + usage.get("completion_tokens") + " tokens, $"
                + usage.get("cost") + ", " + response.get("id") + "]";
    }
}
