package io.openrouteraudit.apps;

import static io.openrouteraudit.apps.ChatRequestBodies.chat;
import static io.openrouteraudit.apps.ChatRequestBodies.chatStream;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Call.execute, several Call.enqueue in flight, a call inside the application's own span, a
 * derived client, what the interceptors are handed, a response never read, another host.
 */
final class OkHttpCallScenarios {

    /** A host name that reaches the same simulator but is not in the agent's {@code hosts}. */
    static final String NOT_AUDITED_HOST = "localhost";
    /** Small enough that the simulated answer is cut off ({@code finish_reason: length}). */
    static final int SHORT_MAX_TOKENS = 8;
    /** Asked for only by the unread-body call, so its record can be found by the model alone. */
    static final String UNREAD_MODEL = "x-ai/grok-3-mini";

    /**
     * Responses the application received and never read nor closed: held until the JVM exits,
     * so the agent can only end their exchanges at shutdown.
     */
    private static final List<Response> NEVER_READ = new ArrayList<>();

    private OkHttpCallScenarios() {
    }

    static void register(Map<String, OkHttpScenario> scenarios) {
        scenarios.put("classes-seen", OkHttpCallScenarios::classesSeen);
        scenarios.put("sync-execute", OkHttpCallScenarios::syncExecute);
        scenarios.put("otel-span", OkHttpCallScenarios::otelSpan);
        scenarios.put("enqueue-in-flight", OkHttpCallScenarios::enqueueInFlight);
        scenarios.put("derived-client", OkHttpCallScenarios::derivedClient);
        scenarios.put("interceptor-view", OkHttpCallScenarios::interceptorView);
        scenarios.put("not-audited-host", OkHttpCallScenarios::notAuditedHost);
        scenarios.put("unread-body", OkHttpCallScenarios::unreadBody);
    }

    /**
     * What the application's class loader sees: its own OkHttp, Okio and (4.x, 5.x) Kotlin, and
     * none of the agent's classes - its OkHttp binding lives in a loader of its own.
     */
    private static void classesSeen(OkHttpContext c) {
        for (String name : List.of("okhttp3.OkHttpClient$Builder", "okio.Okio", "kotlin.Unit",
                "io.openrouteraudit.instrument.okhttp.binding.NetworkExchangeObserver",
                "io.openrouteraudit.instrument.okhttp.OkHttpBindings", "net.bytebuddy.ByteBuddy",
                "com.fasterxml.jackson.databind.ObjectMapper", "io.opentelemetry.sdk.OpenTelemetrySdk")) {
            try {
                Class<?> type = Class.forName(name, false, OkHttpCallScenarios.class.getClassLoader());
                c.transcript().note("class " + ClassOrigin.describe(type));
            } catch (ClassNotFoundException e) {
                c.transcript().note("class " + name + " is not visible");
            }
        }
    }

    private static void syncExecute(OkHttpContext c) throws Exception {
        String label = "okhttp-sync-execute";
        try (Response response = c.client().newCall(
                c.chat(label, chat(Models.GPT_4O_MINI, label, SHORT_MAX_TOKENS))).execute()) {
            printString(c, response);
        }
        c.interceptorNotes(label);
    }

    /** A call inside a span of the application's own OpenTelemetry API (no SDK: the API's no-op). */
    private static void otelSpan(OkHttpContext c) throws Exception {
        c.transcript().note("otel api: " + ClassOrigin.describe(GlobalOpenTelemetry.class));
        Tracer tracer = GlobalOpenTelemetry.get().getTracer("support-desk", "2.3");
        c.transcript().note("otel tracer: " + tracer.getClass().getName());
        Span span = tracer.spanBuilder("answer ticket 48213").startSpan();
        String label = "okhttp-otel-span";
        try (Scope ignored = span.makeCurrent()) {
            c.transcript().note("otel span valid: " + Span.current().getSpanContext().isValid()
                    + ", current is ours: " + (Span.current() == span));
            try (Response response = c.client().newCall(c.chat(label, chat(Models.MISTRAL_SMALL, label))).execute()) {
                printString(c, response);
            }
            c.transcript().note("otel span still current after the call: " + (Span.current() == span));
        } finally {
            span.end();
        }
        c.transcript().note("otel span current after end: " + (Span.current() == span));
        c.interceptorNotes(label);
    }

    /**
     * A client derived with {@code newBuilder()} (as libraries do to change a timeout per call):
     * it shares the application's interceptors and must still make one exchange per call.
     */
    private static void derivedClient(OkHttpContext c) throws Exception {
        String label = "okhttp-derived-client";
        OkHttpClient derived = c.client().newBuilder().writeTimeout(20, TimeUnit.SECONDS).build();
        c.transcript().note("client application interceptors: " + OkHttpContext.describe(c.client().interceptors())
                + "; network interceptors: " + OkHttpContext.describe(c.client().networkInterceptors()));
        c.transcript().note("derived client has the original's application interceptors: "
                + derived.interceptors().equals(c.client().interceptors())
                + ", network interceptors: " + derived.networkInterceptors().equals(c.client().networkInterceptors()));
        try (Response response = derived.newCall(c.chat(label, chat(Models.GEMINI_FLASH, label, SHORT_MAX_TOKENS)))
                .execute()) {
            printString(c, response);
        }
        c.interceptorNotes(label);
    }

    /**
     * The interceptors note which request and response body objects they are handed: the
     * application's own request body, and OkHttp's response body, exactly as without an agent.
     */
    private static void interceptorView(OkHttpContext c) throws Exception {
        String label = "okhttp-interceptor-view";
        Request request = c.chat(label, chat(Models.LLAMA_70B, label)).newBuilder()
                .header(OkHttpContext.INSPECT_HEADER, "bodies")
                .build();
        try (Response response = c.client().newCall(request).execute()) {
            printString(c, response);
        }
        c.interceptorNotes(label);
    }

    /** Four JSON calls and one stream enqueued together, each read in its callback, then printed in order. */
    private static void enqueueInFlight(OkHttpContext c) {
        List<String> models = List.of(Models.GEMINI_FLASH, Models.CLAUDE_HAIKU, Models.LLAMA_70B,
                Models.DEEPSEEK_CHAT);
        List<String> labels = new ArrayList<>();
        List<CompletableFuture<List<String>>> calls = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            String label = "okhttp-enqueue-" + (i + 1);
            labels.add(label);
            calls.add(enqueue(c, c.chat(label, chat(models.get(i), label)), false));
        }
        String streamLabel = "okhttp-enqueue-stream";
        labels.add(streamLabel);
        calls.add(enqueue(c, c.chat(streamLabel, chatStream(Models.MISTRAL_SMALL, streamLabel)), true));
        for (int i = 0; i < calls.size(); i++) {
            c.transcript().note("-- call " + labels.get(i));
            try {
                c.transcript().lines(calls.get(i).orTimeout(30, TimeUnit.SECONDS).join());
            } catch (CompletionException e) {
                c.transcript().failure(e);
            }
            c.interceptorNotes(labels.get(i));
        }
    }

    /** Reads the body in the callback, on OkHttp's dispatcher thread: whole, or line by line for a stream. */
    private static CompletableFuture<List<String>> enqueue(OkHttpContext c, Request request, boolean lineByLine) {
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        c.client().newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                done.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                List<String> seen = new ArrayList<>();
                try (ResponseBody body = response.body()) {
                    seen.add("status " + response.code() + " " + response.protocol()
                            + " x-generation-id: " + response.header("X-Generation-Id"));
                    if (lineByLine) {
                        BufferedSource source = body.source();
                        for (String line; (line = source.readUtf8Line()) != null; ) {
                            seen.add("| " + line);
                        }
                    } else {
                        body.string().lines().forEach(line -> seen.add("| " + line));
                    }
                    done.complete(seen);
                } catch (IOException | RuntimeException e) {
                    done.completeExceptionally(e);
                }
            }
        });
        return done;
    }

    private static void notAuditedHost(OkHttpContext c) throws Exception {
        String label = "okhttp-not-audited-host";
        try (Response response = c.client().newCall(
                c.chatToHost(NOT_AUDITED_HOST, label, chat(Models.CLAUDE_HAIKU, label))).execute()) {
            printString(c, response);
        }
        c.interceptorNotes(label);
    }

    /** The application looks at the status and drops the response: never reads the body, never closes it. */
    private static void unreadBody(OkHttpContext c) throws Exception {
        String label = "okhttp-unread-body";
        Response response = c.client().newCall(c.chat(label, chat(UNREAD_MODEL, label))).execute();
        c.head(response);
        c.transcript().note("body left unread and open");
        NEVER_READ.add(response);
        c.interceptorNotes(label);
    }

    /**
     * As {@link #unreadBody}, but the application keeps no reference: the response becomes
     * unreachable, and the application collects garbage until the test has seen the record.
     */
    static void unreadBodyCollected(OkHttpContext c) throws Exception {
        dropUnread(c, "okhttp-unread-body-collected");
        c.transcript().note("body dropped unread and open");
        System.out.flush();
        GarbageCollectionWait.collectUntilStopped(c.transcript());
    }

    /** In a method of its own, so that no local variable slot of the caller keeps the response. */
    private static void dropUnread(OkHttpContext c, String label) throws IOException {
        Response response = c.client().newCall(c.chat(label, chat(Models.GPT_4O_MINI, label))).execute();
        c.head(response);
    }

    static void printString(OkHttpContext c, Response response) throws IOException {
        c.head(response);
        c.transcript().body(response.body().string().getBytes(StandardCharsets.UTF_8));
    }
}
