package io.openrouteraudit.apps;

import static io.openrouteraudit.apps.ChatRequestBodies.chat;
import static io.openrouteraudit.apps.ChatRequestBodies.chatStream;

import io.openrouteraudit.sim.SimulatedBehaviour;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;

/**
 * Servers that misbehave below HTTP: a 100 MB body, an event stream whose connection is cut, a
 * connection reset in the middle of a body, and a server that drips one byte a second. Each
 * prints what the application got - bytes as counted and hashed, or the exception - never the
 * time it took.
 */
final class HostileServerScenarios {

    /** Far shorter than any drip could deliver a response in, long enough for any machine to connect. */
    static final Duration DRIP_TIMEOUT = Duration.ofSeconds(2);

    private HostileServerScenarios() {
    }

    static void register(Map<String, Scenario> scenarios) {
        scenarios.put("huge-body", HostileServerScenarios::hugeBody);
        scenarios.put("stream-cut", c -> streamUntilFailure(c, SimulatedBehaviour.STREAM_CUT.modelId(),
                "stream-cut"));
        scenarios.put("stream-reset", c -> streamUntilFailure(c, SimulatedBehaviour.RESET.modelId(),
                "stream-reset"));
        scenarios.put("reset", HostileServerScenarios::reset);
        scenarios.put("drip", HostileServerScenarios::drip);
    }

    /** Read as a stream and hashed on the way, as an application that cannot hold 100 MB does. */
    private static void hugeBody(ScenarioContext c) throws Exception {
        HttpResponse<InputStream> response = c.http1().send(
                c.chat(chat(SimulatedBehaviour.HUGE_BODY.modelId(), "huge-body")), BodyHandlers.ofInputStream());
        c.transcript().head(response);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                sha.update(buffer, 0, n);
                total += n;
            }
        }
        c.transcript().note("body " + total + " bytes sha256 " + Transcript.hex(sha.digest()));
    }

    /** Line by line until the connection fails under the reader. */
    private static void streamUntilFailure(ScenarioContext c, String model, String label) throws Exception {
        HttpResponse<InputStream> response = c.http1().send(c.chat(chatStream(model, label)),
                BodyHandlers.ofInputStream());
        c.transcript().head(response);
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                c.transcript().note("| " + line);
            }
            c.transcript().note("end of body");
        } catch (IOException e) {
            c.transcript().failure(e);
        }
    }

    private static void reset(ScenarioContext c) throws Exception {
        try {
            HttpResponse<String> response = c.http1().send(c.chat(chat(SimulatedBehaviour.RESET.modelId(), "reset")),
                    BodyHandlers.ofString());
            CallScenarios.printString(c, response);
        } catch (IOException e) {
            c.transcript().failure(e);
        }
    }

    private static void drip(ScenarioContext c) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(c.chat(chat(SimulatedBehaviour.DRIP.modelId(), "drip")),
                (name, value) -> true).timeout(DRIP_TIMEOUT).build();
        try {
            HttpResponse<String> response = c.http1().send(request, BodyHandlers.ofString());
            CallScenarios.printString(c, response);
        } catch (IOException e) {
            c.transcript().failure(e);
        }
    }
}
