package io.openrouteraudit.apps;

import static io.openrouteraudit.apps.ChatRequestBodies.chatStream;

import io.openrouteraudit.sim.SimulatedBehaviour;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Streamed chat completions ({@code "stream": true}) read the ways applications read server-sent events. */
final class StreamScenarios {

    private StreamScenarios() {
    }

    static void register(Map<String, Scenario> scenarios) {
        scenarios.put("stream-ofLines", c -> viaLines(c, Models.DEEPSEEK_CHAT, "stream-ofLines"));
        scenarios.put("stream-ofInputStream", c -> viaInputStream(c, Models.GEMINI_FLASH, "stream-ofInputStream"));
        scenarios.put("stream-ofString", StreamScenarios::viaString);
        scenarios.put("stream-usage-empty-choices", c -> viaLines(c,
                SimulatedBehaviour.STREAM_USAGE_EMPTY_CHOICES.modelId(), "stream-usage-empty-choices"));
        scenarios.put("stream-no-done", c -> viaLines(c,
                SimulatedBehaviour.STREAM_NO_DONE.modelId(), "stream-no-done"));
        scenarios.put("stream-midstream-error", c -> viaInputStream(c,
                SimulatedBehaviour.STREAM_MIDSTREAM_ERROR.modelId(), "stream-midstream-error"));
    }

    /** Line by line with {@code ofLines}, stopping at {@code data: [DONE]} like an SSE client does. */
    private static void viaLines(ScenarioContext c, String model, String label) throws Exception {
        HttpResponse<Stream<String>> response = c.http1().send(
                c.chat(chatStream(model, label)), BodyHandlers.ofLines());
        c.transcript().head(response);
        List<String> seen = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                seen.add(line);
                if (line.equals("data: [DONE]")) {
                    break;
                }
            }
        }
        c.transcript().lines(seen);
        c.transcript().note("assistant: " + SseText.assistantText(seen));
    }

    /** Line by line from {@code ofInputStream} through a BufferedReader, read to the end. */
    private static void viaInputStream(ScenarioContext c, String model, String label) throws Exception {
        HttpResponse<InputStream> response = c.http1().send(
                c.chat(chatStream(model, label)), BodyHandlers.ofInputStream());
        c.transcript().head(response);
        List<String> seen = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                seen.add(line);
            }
        }
        c.transcript().lines(seen);
        c.transcript().note("assistant: " + SseText.assistantText(seen));
    }

    /** The whole stream as one string, split afterwards. */
    private static void viaString(ScenarioContext c) throws Exception {
        HttpResponse<String> response = c.http1().send(
                c.chat(chatStream(Models.CLAUDE_HAIKU, "stream-ofString")), BodyHandlers.ofString());
        c.transcript().head(response);
        List<String> lines = response.body().lines().collect(Collectors.toList());
        c.transcript().lines(lines);
        c.transcript().note("assistant: " + SseText.assistantText(lines));
    }
}
