package io.openrouteraudit.apps;

import static net.bytebuddy.matcher.ElementMatchers.named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application whose own libraries are all old versions of what the agent carries inside:
 * Jackson 2.9, Byte Buddy 1.10, SLF4J 1.7 with its simple binding (logging to stdout), the
 * OpenTelemetry API and SDK 1.0 — and OkHttp, through which it calls OpenRouter twice inside a
 * span of its own: once with {@code execute()} on the span's thread, once with {@code enqueue()},
 * whose callback runs on OkHttp's dispatcher thread where that span is not current. Span ids come
 * from a counter, so the transcript is the same on every run; each call prints
 * {@code span <label> <trace id> <span id>} of the application span it was made in.
 *
 * <p>Usage: {@code ClassPathClashOkHttpApp <baseUrl> [<release-file>]}: with a release file, it
 * waits before exiting until that file exists (at most two minutes), silently, so that a test can
 * hold it open until an agent's background work (its span export) is done.
 */
public final class ClassPathClashOkHttpApp {

    static final String EXECUTE_LABEL = "clash-okhttp-execute";
    static final String ENQUEUE_LABEL = "clash-okhttp-enqueue";
    private static final MediaType JSON = MediaType.parse("application/json; charset=utf-8");

    private ClassPathClashOkHttpApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ClassPathClashOkHttpApp <baseUrl> [<release-file>]");
            System.exit(2);
        }
        // slf4j-simple 1.7 reads its settings once, when the first logger is made.
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.out");
        Logger log = LoggerFactory.getLogger(ClassPathClashOkHttpApp.class);
        log.info("starting with {} as its SLF4J binding", log.getClass().getName());
        for (Class<?> own : new Class<?>[] {ObjectMapper.class, ByteBuddy.class, Logger.class, log.getClass(),
                GlobalOpenTelemetry.class, OpenTelemetrySdk.class, OkHttpClient.class}) {
            System.out.println(ClassOrigin.describe(own));
        }
        System.out.println("byte buddy made: " + generatedGreeting());

        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().setIdGenerator(new CountingIds()).build())
                .build();
        Tracer tracer = otel.getTracer("clash-desk", "1.0");
        ObjectMapper mapper = new ObjectMapper();
        OkHttpClient client = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build();

        Span span = tracer.spanBuilder("answer-ticket").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            printSpan(EXECUTE_LABEL, Span.current().getSpanContext());
            try (Response response = client.newCall(chat(args[0], mapper, EXECUTE_LABEL)).execute()) {
                printAnswer(EXECUTE_LABEL, mapper, response);
            }
            printSpan(ENQUEUE_LABEL, Span.current().getSpanContext());
            CompletableFuture<String> enqueued = new CompletableFuture<>();
            client.newCall(chat(args[0], mapper, ENQUEUE_LABEL)).enqueue(new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                    enqueued.complete(ENQUEUE_LABEL + " failed: " + e);
                }

                @Override
                public void onResponse(Call call, Response response) throws IOException {
                    try (response) {
                        enqueued.complete(answer(ENQUEUE_LABEL, mapper, response)
                                + "; app span current in the callback: " + Span.current().getSpanContext().isValid());
                    }
                }
            });
            System.out.println(enqueued.get(60, TimeUnit.SECONDS));
        } finally {
            span.end();
        }
        log.info("done");
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        if (args.length == 2) {
            ReleaseFile.await(Path.of(args[1]));
        }
    }

    private static Request chat(String baseUrl, ObjectMapper mapper, String label) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", Models.GPT_4O_MINI);
        body.putArray("messages").addObject().put("role", "user").put("content", ChatRequestBodies.userText(label));
        body.put("max_tokens", ChatRequestBodies.DEFAULT_MAX_TOKENS);
        return new Request.Builder()
                .url(baseUrl + "/api/v1/chat/completions")
                .header("Authorization", "Bearer " + ClientIdentity.API_KEY)
                .header("HTTP-Referer", ClientIdentity.HTTP_REFERER)
                .header("X-Title", ClientIdentity.X_TITLE)
                .post(RequestBody.create(JSON, mapper.writeValueAsString(body)))
                .build();
    }

    private static void printSpan(String label, SpanContext context) {
        System.out.println("span " + label + " " + context.getTraceId() + " " + context.getSpanId());
    }

    private static void printAnswer(String label, ObjectMapper mapper, Response response) throws IOException {
        System.out.println(answer(label, mapper, response));
    }

    private static String answer(String label, ObjectMapper mapper, Response response) throws IOException {
        JsonNode answer = mapper.readTree(response.body().string());
        return label + ": status " + response.code() + " model " + answer.path("model").asText()
                + " tokens " + answer.path("usage").path("total_tokens").asInt()
                + " answer " + answer.path("choices").path(0).path("message").path("content").asText();
    }

    private static String generatedGreeting() throws ReflectiveOperationException {
        Class<?> generated = new ByteBuddy()
                .subclass(Object.class)
                .name("io.openrouteraudit.apps.GeneratedOkHttpGreeting")
                .method(named("toString"))
                .intercept(FixedValue.value("a class generated at run time"))
                .make()
                .load(ClassPathClashOkHttpApp.class.getClassLoader())
                .getLoaded();
        return generated.getDeclaredConstructor().newInstance().toString();
    }

    /** Ids from a counter instead of random: the same transcript on every run. */
    private static final class CountingIds implements IdGenerator {
        private final AtomicLong next = new AtomicLong(0x5eed);

        @Override
        public String generateSpanId() {
            return String.format("%016x", next.incrementAndGet());
        }

        @Override
        public String generateTraceId() {
            return String.format("%016x%016x", 0xc1a5L, next.incrementAndGet());
        }
    }
}
