package io.openrouteraudit.apps;

import static io.openrouteraudit.apps.ChatRequestBodies.chat;

import io.openrouteraudit.sim.SimulatedBehaviour;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Fallbacks, OpenRouter errors, gzip asked for by the application or by OkHttp, and a read timeout. */
final class OkHttpErrorScenarios {

    /** The fallback list: the simulator serves the second entry. */
    static final List<String> FALLBACK_MODELS =
            List.of(SimulatedBehaviour.FALLBACK.modelId(), Models.GEMINI_FLASH, Models.GPT_4O_MINI);
    /** Far shorter than the simulator's delay for {@code sim/slow}. */
    static final long READ_TIMEOUT_MILLIS = 300;

    private OkHttpErrorScenarios() {
    }

    /**
     * The read timeout: run first, so that the simulator's slow answer (which goes on after the
     * client gave up) finishes while the other scenarios run, not after the application exits.
     */
    static void registerSlow(Map<String, OkHttpScenario> scenarios) {
        scenarios.put("read-timeout", OkHttpErrorScenarios::readTimeout);
    }

    static void register(Map<String, OkHttpScenario> scenarios) {
        scenarios.put("fallback", OkHttpErrorScenarios::fallback);
        for (SimulatedBehaviour behaviour : List.of(SimulatedBehaviour.ERROR_402, SimulatedBehaviour.ERROR_429,
                SimulatedBehaviour.ERROR_500)) {
            String name = behaviour.modelId().substring("sim/".length());
            scenarios.put(name, c -> asString(c, behaviour.modelId(), "okhttp-" + name));
        }
        scenarios.put("error-closed-unread", OkHttpErrorScenarios::errorClosedUnread);
        scenarios.put("gzip-requested-by-app", OkHttpErrorScenarios::gzipRequestedByApp);
        scenarios.put("gzip-transparent", c -> asString(c, SimulatedBehaviour.GZIP.modelId(), "okhttp-gzip-transparent"));
    }

    private static void fallback(OkHttpContext c) throws Exception {
        String label = "okhttp-fallback";
        try (Response response = c.client().newCall(
                c.chat(label, ChatRequestBodies.chatWithFallbacks(FALLBACK_MODELS, label))).execute()) {
            OkHttpCallScenarios.printString(c, response);
        }
        c.interceptorNotes(label);
    }

    private static void asString(OkHttpContext c, String model, String label) throws Exception {
        try (Response response = c.client().newCall(c.chat(label, chat(model, label))).execute()) {
            OkHttpCallScenarios.printString(c, response);
        }
        c.interceptorNotes(label);
    }

    /**
     * The common pattern for errors: look at the status, close the response, never read the
     * error body (here a 429 whose Retry-After says the limit has already lifted).
     */
    private static void errorClosedUnread(OkHttpContext c) throws Exception {
        String label = "okhttp-error-closed-unread";
        try (Response response = c.client().newCall(
                c.chat(label, chat(SimulatedBehaviour.ERROR_429_RETRY_NOW.modelId(), label))).execute()) {
            c.head(response);
            c.transcript().note("successful: " + response.isSuccessful() + "; closed without reading the body");
        }
        c.interceptorNotes(label);
    }

    /**
     * The application asks for gzip itself: OkHttp then leaves the body compressed, and the
     * application inflates it.
     */
    private static void gzipRequestedByApp(OkHttpContext c) throws Exception {
        String label = "okhttp-gzip-requested-by-app";
        Request request = c.chat(label, chat(SimulatedBehaviour.GZIP.modelId(), label)).newBuilder()
                .header("Accept-Encoding", "gzip")
                .build();
        try (Response response = c.client().newCall(request).execute()) {
            c.head(response);
            byte[] compressed = response.body().bytes();
            c.transcript().body(compressed);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                c.transcript().note("inflated:");
                c.transcript().body(in.readAllBytes());
            }
        }
        c.interceptorNotes(label);
    }

    /**
     * The audited host on a port nobody listens on: OkHttp fails the call before any request
     * is written, and the application interceptor still ran.
     */
    static void connectRefused(OkHttpContext c) throws Exception {
        String label = "okhttp-connect-refused";
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpUrl base = HttpUrl.parse("http://127.0.0.1:" + closedPort + "/");
        try (Response response = c.client().newCall(
                c.post(base, label, chat(Models.GEMINI_FLASH, label)).build()).execute()) {
            c.head(response);
            c.transcript().note("unexpected: a server answered on a closed port");
        } catch (IOException e) {
            c.transcript().note("exception " + e.getClass().getName());
        }
        c.interceptorNotes(label);
    }

    /** A client derived from the application's with a short read timeout, against a slow answer. */
    private static void readTimeout(OkHttpContext c) throws Exception {
        String label = "okhttp-read-timeout";
        OkHttpClient impatient = c.client().newBuilder()
                .readTimeout(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .build();
        try (Response response = impatient.newCall(c.chat(label, chat(SimulatedBehaviour.SLOW.modelId(), label)))
                .execute()) {
            c.head(response);
            c.transcript().note("unexpected: answered within " + READ_TIMEOUT_MILLIS + " ms");
        } catch (IOException e) {
            // Only the class: OkHttp 3.x arms two timers with the same deadline (the socket's
            // SO_TIMEOUT, "Read timed out", and Okio's watchdog, "timeout"), and which fires
            // first depends on scheduling - it flips under CPU load with no agent at all.
            c.transcript().note("exception " + e.getClass().getName());
        }
        c.interceptorNotes(label);
    }
}
