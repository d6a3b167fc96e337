package io.openrouteraudit.apps;

import static io.openrouteraudit.apps.ChatRequestBodies.chat;
import static io.openrouteraudit.apps.ChatRequestBodies.chatStream;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An application that talks HTTP/2 to a cleartext OpenRouter through one
 * {@code java.net.http.HttpClient} built with {@code version(HTTP_2)}, one call after another
 * on the same connection, and prints a deterministic transcript with each response's
 * negotiated {@code version()}.
 *
 * <p>On {@code http://} the JDK client cannot use HTTP/2 prior knowledge: it sends its first
 * request in HTTP/1.1 offering {@code Upgrade: h2c}, and once the server has switched, every
 * later request is an HTTP/2 stream on that connection. The first call is a bodiless
 * {@code GET /api/v1/models} (as applications do to list models), because servers such as
 * Jetty upgrade only requests without content; the chat calls that follow are pure HTTP/2.
 *
 * <p>Usage: {@code Http2ClientApp <baseUrl>}. A failing call is part of the transcript, not of
 * the exit code: it exits 0 unless its arguments are wrong.
 */
public final class Http2ClientApp {

    static final String MODELS = "/api/v1/models";
    private static final long CALL_TIMEOUT_SECONDS = 30;

    private interface Call {
        void run() throws Exception;
    }

    private final HttpClient client;
    private final URI baseUri;
    private final Transcript transcript;

    private Http2ClientApp(URI baseUri, Transcript transcript) {
        this.baseUri = baseUri;
        this.transcript = transcript;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: Http2ClientApp <baseUrl>");
            System.exit(2);
        }
        Transcript transcript = new Transcript(System.out);
        Http2ClientApp app = new Http2ClientApp(URI.create(args[0]), transcript);
        app.call("models-send", app::listModels);
        app.call("chat-send", () -> app.chatSend(Models.GPT_4O_MINI, "h2-chat-send"));
        app.call("chat-sendAsync", () -> app.chatSendAsync(Models.GEMINI_FLASH, "h2-chat-sendAsync"));
        app.call("stream-send-ofLines", () -> app.streamSendLines(Models.DEEPSEEK_CHAT, "h2-stream-send"));
        app.call("stream-sendAsync-ofInputStream",
                () -> app.streamSendAsyncInputStream(Models.CLAUDE_HAIKU, "h2-stream-sendAsync"));
        transcript.begin("end");
    }

    private void call(String name, Call call) {
        transcript.begin(name);
        try {
            call.run();
        } catch (Exception e) {
            transcript.failure(e);
        }
    }

    /** The bodiless first request, which carries the h2c upgrade. */
    private void listModels() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(MODELS))
                .timeout(Duration.ofSeconds(CALL_TIMEOUT_SECONDS))
                .header("Authorization", "Bearer " + ClientIdentity.API_KEY)
                .header("HTTP-Referer", ClientIdentity.HTTP_REFERER)
                .header("X-Title", ClientIdentity.X_TITLE)
                .GET()
                .build();
        printString(client.send(request, BodyHandlers.ofString()));
    }

    private void chatSend(String model, String label) throws Exception {
        printString(client.send(chatRequest(chat(model, label)), BodyHandlers.ofString()));
    }

    private void chatSendAsync(String model, String label) throws Exception {
        printString(client.sendAsync(chatRequest(chat(model, label)), BodyHandlers.ofString())
                .get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    /** Line by line with {@code ofLines}, stopping at {@code data: [DONE]} like an SSE client does. */
    private void streamSendLines(String model, String label) throws Exception {
        HttpResponse<Stream<String>> response = client.send(chatRequest(chatStream(model, label)),
                BodyHandlers.ofLines());
        printHead(response);
        List<String> seen = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                seen.add(line);
                if (line.equals("data: [DONE]")) {
                    break;
                }
            }
        }
        printEvents(seen);
    }

    /** Started with {@code sendAsync}, then read to the end through {@code ofInputStream}. */
    private void streamSendAsyncInputStream(String model, String label) throws Exception {
        HttpResponse<InputStream> response = client.sendAsync(chatRequest(chatStream(model, label)),
                BodyHandlers.ofInputStream()).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        printHead(response);
        List<String> seen = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                seen.add(line);
            }
        }
        printEvents(seen);
    }

    private HttpRequest chatRequest(String jsonBody) {
        return ScenarioContext.post(baseUri.resolve(ScenarioContext.CHAT_COMPLETIONS),
                HttpRequest.BodyPublishers.ofString(jsonBody)).build();
    }

    private void printString(HttpResponse<String> response) {
        printHead(response);
        transcript.body(response.body().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code status <code> <response.version()>} and the shown headers. */
    private void printHead(HttpResponse<?> response) {
        transcript.head(response);
    }

    private void printEvents(List<String> lines) {
        transcript.lines(lines);
        transcript.note("assistant: " + SseText.assistantText(lines));
    }
}
