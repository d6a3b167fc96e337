package io.openrouteraudit.apps;

import static io.openrouteraudit.apps.ChatRequestBodies.chat;
import static io.openrouteraudit.apps.ChatRequestBodies.chatStream;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The ways of calling: send, several sendAsync in flight, HTTP/2 requested, the legacy endpoint, another host. */
final class CallScenarios {

    /** A host name that reaches the same simulator but is not in the agent's {@code hosts}. */
    static final String NOT_AUDITED_HOST = "localhost";
    /** Small enough that the simulated answer is cut off ({@code finish_reason: length}). */
    static final int SHORT_MAX_TOKENS = 8;

    private CallScenarios() {
    }

    static void register(Map<String, Scenario> scenarios) {
        scenarios.put("sync-send", CallScenarios::syncSend);
        scenarios.put("async-in-flight", CallScenarios::asyncInFlight);
        scenarios.put("http2-requested", CallScenarios::http2Requested);
        scenarios.put("legacy-completions", CallScenarios::legacyCompletions);
        scenarios.put("not-audited-host", CallScenarios::notAuditedHost);
    }

    private static void syncSend(ScenarioContext c) throws Exception {
        HttpResponse<String> response = c.http1().send(
                c.chat(chat(Models.GPT_4O_MINI, "sync-send", SHORT_MAX_TOKENS)), BodyHandlers.ofString());
        printString(c, response);
    }

    /** Four JSON calls and one stream started together, then awaited in the order they were started. */
    private static void asyncInFlight(ScenarioContext c) {
        List<String> models = List.of(Models.GEMINI_FLASH, Models.CLAUDE_HAIKU, Models.LLAMA_70B,
                Models.MISTRAL_SMALL);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            calls.add(c.http1().sendAsync(c.chat(chat(models.get(i), "async-in-flight-" + (i + 1))),
                    BodyHandlers.ofString()));
        }
        CompletableFuture<HttpResponse<Stream<String>>> stream = c.http1().sendAsync(
                c.chat(chatStream(Models.DEEPSEEK_CHAT, "async-in-flight-stream")), BodyHandlers.ofLines());
        for (int i = 0; i < calls.size(); i++) {
            c.transcript().note("-- call " + (i + 1) + " " + models.get(i));
            try {
                printString(c, calls.get(i).join());
            } catch (CompletionException e) {
                c.transcript().failure(e);
            }
        }
        c.transcript().note("-- stream " + Models.DEEPSEEK_CHAT);
        try {
            HttpResponse<Stream<String>> response = stream.join();
            c.transcript().head(response);
            try (Stream<String> lines = response.body()) {
                c.transcript().lines(lines.collect(Collectors.toList()));
            }
        } catch (CompletionException e) {
            c.transcript().failure(e);
        }
    }

    /**
     * HTTP/2 asked for on a cleartext URL: the client offers an h2c upgrade, the simulator (like
     * many HTTP/1.1 servers) ignores it, and the exchange goes on in HTTP/1.1.
     */
    private static void http2Requested(ScenarioContext c) throws Exception {
        HttpResponse<String> response = c.http2().send(
                c.chat(chat(Models.GEMINI_FLASH, "http2-requested")), BodyHandlers.ofString());
        printString(c, response);
    }

    private static void legacyCompletions(ScenarioContext c) throws Exception {
        HttpResponse<String> response = c.http1().send(
                c.post(ScenarioContext.COMPLETIONS, BodyPublishers.ofString(
                        ChatRequestBodies.legacyCompletion(Models.GPT_4O_MINI, "legacy-completions"))).build(),
                BodyHandlers.ofString());
        printString(c, response);
    }

    private static void notAuditedHost(ScenarioContext c) throws Exception {
        URI uri = c.baseUriWithHost(NOT_AUDITED_HOST).resolve(ScenarioContext.CHAT_COMPLETIONS);
        HttpResponse<String> response = c.http1().send(
                ScenarioContext.post(uri, BodyPublishers.ofString(chat(Models.CLAUDE_HAIKU, "not-audited-host")))
                        .build(),
                BodyHandlers.ofString());
        printString(c, response);
    }

    static void printString(ScenarioContext c, HttpResponse<String> response) {
        c.transcript().head(response);
        c.transcript().body(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
