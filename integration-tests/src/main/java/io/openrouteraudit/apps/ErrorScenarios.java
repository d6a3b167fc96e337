package io.openrouteraudit.apps;

import static io.openrouteraudit.apps.ChatRequestBodies.chat;

import io.openrouteraudit.sim.SimulatedBehaviour;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Calls that do not simply succeed: fallbacks, OpenRouter errors, bodies no parser can read,
 * gzip, a client-side timeout and a refused connection.
 */
final class ErrorScenarios {

    /** The fallback list: the simulator serves the second entry. */
    static final List<String> FALLBACK_MODELS =
            List.of(SimulatedBehaviour.FALLBACK.modelId(), Models.CLAUDE_HAIKU, Models.GPT_4O_MINI);
    /** Far shorter than the simulator's delay for {@code sim/slow}. */
    static final Duration CLIENT_TIMEOUT = Duration.ofMillis(1000);

    private ErrorScenarios() {
    }

    static void register(Map<String, Scenario> scenarios) {
        scenarios.put("fallback", ErrorScenarios::fallback);
        for (SimulatedBehaviour behaviour : List.of(SimulatedBehaviour.ERROR_402, SimulatedBehaviour.ERROR_429,
                SimulatedBehaviour.ERROR_500, SimulatedBehaviour.PROVIDER_ERROR_200, SimulatedBehaviour.MALFORMED,
                SimulatedBehaviour.HTML, SimulatedBehaviour.EMPTY)) {
            String name = behaviour.modelId().substring("sim/".length());
            scenarios.put(name, c -> asString(c, behaviour.modelId(), name));
        }
        scenarios.put("gzip", ErrorScenarios::gzip);
        scenarios.put("timeout", ErrorScenarios::timeout);
        scenarios.put("connect-refused", ErrorScenarios::connectRefused);
    }

    private static void fallback(ScenarioContext c) throws Exception {
        HttpResponse<String> response = c.http1().send(
                c.chat(ChatRequestBodies.chatWithFallbacks(FALLBACK_MODELS, "fallback")), BodyHandlers.ofString());
        CallScenarios.printString(c, response);
    }

    private static void asString(ScenarioContext c, String model, String label) throws Exception {
        HttpResponse<String> response = c.http1().send(c.chat(chat(model, label)), BodyHandlers.ofString());
        CallScenarios.printString(c, response);
    }

    /** The JDK client does not inflate: the application gets gzip bytes and inflates them itself. */
    private static void gzip(ScenarioContext c) throws Exception {
        HttpResponse<byte[]> response = c.http1().send(
                c.chat(chat(SimulatedBehaviour.GZIP.modelId(), "gzip")), BodyHandlers.ofByteArray());
        c.transcript().head(response);
        c.transcript().body(response.body());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            c.transcript().note("inflated:");
            c.transcript().body(in.readAllBytes());
        }
    }

    private static void timeout(ScenarioContext c) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(c.chat(chat(SimulatedBehaviour.SLOW.modelId(), "timeout")),
                (name, value) -> true).timeout(CLIENT_TIMEOUT).build();
        try {
            c.http1().send(request, BodyHandlers.ofString());
            c.transcript().note("unexpected: answered within " + CLIENT_TIMEOUT);
        } catch (IOException e) {
            c.transcript().failure(e);
        }
    }

    /** An audited host (127.0.0.1) on a port nobody listens on. */
    private static void connectRefused(ScenarioContext c) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + closedPort + ScenarioContext.CHAT_COMPLETIONS);
        try {
            c.http1().send(ScenarioContext.post(uri,
                    BodyPublishers.ofString(chat(Models.GEMINI_FLASH, "connect-refused"))).build(),
                    BodyHandlers.ofString());
            c.transcript().note("unexpected: a server answered on a closed port");
        } catch (IOException e) {
            c.transcript().failure(e);
        }
    }
}
