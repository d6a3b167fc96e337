package io.openrouteraudit.apps;

import static io.openrouteraudit.apps.ChatRequestBodies.chat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One synchronous chat call per {@code BodyHandler} the JDK ships, each reading the body its own way. */
final class BodyHandlerScenarios {

    private BodyHandlerScenarios() {
    }

    static void register(Map<String, Scenario> scenarios) {
        scenarios.put("handler-ofString", BodyHandlerScenarios::ofString);
        scenarios.put("handler-ofByteArray", BodyHandlerScenarios::ofByteArray);
        scenarios.put("handler-ofInputStream", BodyHandlerScenarios::ofInputStream);
        scenarios.put("handler-ofLines", BodyHandlerScenarios::ofLines);
        scenarios.put("handler-ofPublisher", BodyHandlerScenarios::ofPublisher);
        scenarios.put("handler-ofFile", BodyHandlerScenarios::ofFile);
        scenarios.put("handler-discarding", BodyHandlerScenarios::discarding);
        scenarios.put("handler-replacing", BodyHandlerScenarios::replacing);
        scenarios.put("handler-ofByteArrayConsumer", BodyHandlerScenarios::ofByteArrayConsumer);
        scenarios.put("handler-fromSubscriber", BodyHandlerScenarios::fromSubscriber);
        scenarios.put("handler-fromLineSubscriber", BodyHandlerScenarios::fromLineSubscriber);
        scenarios.put("handler-buffering", BodyHandlerScenarios::buffering);
    }

    private static void ofString(ScenarioContext c) throws Exception {
        HttpResponse<String> response = c.http1().send(
                c.chat(chat(Models.GEMINI_FLASH, "handler-ofString")), BodyHandlers.ofString());
        c.transcript().head(response);
        c.transcript().body(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void ofByteArray(ScenarioContext c) throws Exception {
        HttpResponse<byte[]> response = c.http1().send(
                c.chat(chat(Models.GPT_4O_MINI, "handler-ofByteArray")), BodyHandlers.ofByteArray());
        c.transcript().head(response);
        c.transcript().body(response.body());
    }

    private static void ofInputStream(ScenarioContext c) throws Exception {
        HttpResponse<InputStream> response = c.http1().send(
                c.chat(chat(Models.CLAUDE_HAIKU, "handler-ofInputStream")), BodyHandlers.ofInputStream());
        c.transcript().head(response);
        // Read in small pieces, as a hand-written reader would.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[100];
            for (int n; (n = in.read(buffer)) != -1; ) {
                bytes.write(buffer, 0, n);
            }
        }
        c.transcript().body(bytes.toByteArray());
    }

    private static void ofLines(ScenarioContext c) throws Exception {
        HttpResponse<Stream<String>> response = c.http1().send(
                c.chat(chat(Models.LLAMA_70B, "handler-ofLines")), BodyHandlers.ofLines());
        c.transcript().head(response);
        try (Stream<String> lines = response.body()) {
            c.transcript().lines(lines.collect(Collectors.toList()));
        }
    }

    private static void ofPublisher(ScenarioContext c) throws Exception {
        HttpResponse<Flow.Publisher<java.util.List<java.nio.ByteBuffer>>> response = c.http1().send(
                c.chat(chat(Models.DEEPSEEK_CHAT, "handler-ofPublisher")), BodyHandlers.ofPublisher());
        c.transcript().head(response);
        ByteCollectingSubscriber subscriber = new ByteCollectingSubscriber();
        response.body().subscribe(subscriber);
        c.transcript().body(subscriber.done().get(30, TimeUnit.SECONDS));
    }

    private static void ofFile(ScenarioContext c) throws Exception {
        Path file = Files.createTempFile("openrouter-answer", ".json");
        try {
            HttpResponse<Path> response = c.http1().send(
                    c.chat(chat(Models.MISTRAL_SMALL, "handler-ofFile")), BodyHandlers.ofFile(file));
            c.transcript().head(response);
            c.transcript().note("body written to the file given: " + response.body().equals(file));
            c.transcript().body(Files.readAllBytes(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void discarding(ScenarioContext c) throws Exception {
        HttpResponse<Void> response = c.http1().send(
                c.chat(chat(Models.GEMINI_FLASH, "handler-discarding")), BodyHandlers.discarding());
        c.transcript().head(response);
        c.transcript().note("body discarded: " + response.body());
    }

    private static void replacing(ScenarioContext c) throws Exception {
        HttpResponse<String> response = c.http1().send(
                c.chat(chat(Models.GPT_4O_MINI, "handler-replacing")),
                BodyHandlers.replacing("(answer not needed)"));
        c.transcript().head(response);
        c.transcript().note("body replaced by: " + response.body());
    }

    private static void ofByteArrayConsumer(ScenarioContext c) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HttpResponse<Void> response = c.http1().send(
                c.chat(chat(Models.CLAUDE_HAIKU, "handler-ofByteArrayConsumer")),
                BodyHandlers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes::writeBytes)));
        c.transcript().head(response);
        c.transcript().body(bytes.toByteArray());
    }

    private static void fromSubscriber(ScenarioContext c) throws Exception {
        ByteCollectingSubscriber subscriber = new ByteCollectingSubscriber();
        HttpResponse<byte[]> response = c.http1().send(
                c.chat(chat(Models.LLAMA_70B, "handler-fromSubscriber")),
                BodyHandlers.fromSubscriber(subscriber, s -> s.done().join()));
        c.transcript().head(response);
        c.transcript().body(response.body());
    }

    private static void fromLineSubscriber(ScenarioContext c) throws Exception {
        LineCollectingSubscriber subscriber = new LineCollectingSubscriber();
        HttpResponse<java.util.List<String>> response = c.http1().send(
                c.chat(chat(Models.DEEPSEEK_CHAT, "handler-fromLineSubscriber")),
                BodyHandlers.fromLineSubscriber(subscriber, LineCollectingSubscriber::lines, "\n"));
        c.transcript().head(response);
        c.transcript().lines(response.body());
    }

    private static void buffering(ScenarioContext c) throws Exception {
        HttpResponse<String> response = c.http1().send(
                c.chat(chat(Models.MISTRAL_SMALL, "handler-buffering")),
                BodyHandlers.buffering(BodyHandlers.ofString(), 64));
        c.transcript().head(response);
        c.transcript().body(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
