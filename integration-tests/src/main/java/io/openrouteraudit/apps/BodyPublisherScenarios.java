package io.openrouteraudit.apps;

import static io.openrouteraudit.apps.ChatRequestBodies.chat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** One chat call per request {@code BodyPublisher}: the bytes sent must be the application's, exactly. */
final class BodyPublisherScenarios {

    private BodyPublisherScenarios() {
    }

    static void register(Map<String, Scenario> scenarios) {
        scenarios.put("publisher-ofString", BodyPublisherScenarios::ofString);
        scenarios.put("publisher-ofByteArray", BodyPublisherScenarios::ofByteArray);
        scenarios.put("publisher-ofByteArrays", BodyPublisherScenarios::ofByteArrays);
        scenarios.put("publisher-ofInputStream", BodyPublisherScenarios::ofInputStream);
    }

    private static void ofString(ScenarioContext c) throws Exception {
        String body = chat(Models.GEMINI_FLASH, "publisher-ofString");
        send(c, c.post(ScenarioContext.CHAT_COMPLETIONS, BodyPublishers.ofString(body)).build());
    }

    private static void ofByteArray(ScenarioContext c) throws Exception {
        byte[] body = chat(Models.GPT_4O_MINI, "publisher-ofByteArray").getBytes(StandardCharsets.UTF_8);
        send(c, c.post(ScenarioContext.CHAT_COMPLETIONS, BodyPublishers.ofByteArray(body)).build());
    }

    /** The body in three pieces of unknown total length: sent with chunked transfer coding. */
    private static void ofByteArrays(ScenarioContext c) throws Exception {
        byte[] body = chat(Models.CLAUDE_HAIKU, "publisher-ofByteArrays").getBytes(StandardCharsets.UTF_8);
        int third = body.length / 3;
        List<byte[]> pieces = List.of(Arrays.copyOfRange(body, 0, third),
                Arrays.copyOfRange(body, third, 2 * third), Arrays.copyOfRange(body, 2 * third, body.length));
        send(c, c.post(ScenarioContext.CHAT_COMPLETIONS, BodyPublishers.ofByteArrays(pieces)).build());
    }

    /**
     * A one-shot stream: the supplier gives its stream once and fails if asked again, so a
     * second read of the request body (by anyone) would show in the transcript.
     */
    private static void ofInputStream(ScenarioContext c) throws Exception {
        byte[] body = chat(Models.LLAMA_70B, "publisher-ofInputStream").getBytes(StandardCharsets.UTF_8);
        AtomicBoolean supplied = new AtomicBoolean();
        Supplier<InputStream> oneShot = () -> {
            if (supplied.getAndSet(true)) {
                throw new IllegalStateException("the request body stream was asked for twice");
            }
            return new ByteArrayInputStream(body);
        };
        send(c, c.post(ScenarioContext.CHAT_COMPLETIONS, BodyPublishers.ofInputStream(oneShot)).build());
    }

    private static void send(ScenarioContext c, java.net.http.HttpRequest request) throws Exception {
        HttpResponse<String> response = c.http1().send(request, BodyHandlers.ofString());
        c.transcript().head(response);
        c.transcript().body(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
