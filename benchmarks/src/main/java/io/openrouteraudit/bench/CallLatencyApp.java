package io.openrouteraudit.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The measured application: a JDK HttpClient, OkHttp 4, or the OpenAI Java SDK, calling a
 * loopback server that answers like OpenRouter (a 1.5 KB chat completion). Prints one line of
 * figures; an agent, when attached, sees every call.
 *
 * <p>Usage: {@code CallLatencyApp WARMUP CALLS [jdk|okhttp|openai] [THREADS THROUGHPUT_SECONDS]}:
 * WARMUP sequential calls, then CALLS timed sequential calls, then, when THREADS is given, that
 * many threads calling the same client for THROUGHPUT_SECONDS (calls per second).
 */
public final class CallLatencyApp {

    private CallLatencyApp() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        byte[] answer = completionJson();
        String client = args.length > 2 ? args[2] : "jdk";
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        double throughputSeconds = args.length > 4 ? Double.parseDouble(args[4]) : 0;
        try (LoopbackChatServer server = new LoopbackChatServer(answer)) {
            String base = "http://127.0.0.1:" + server.port() + "/api/v1";
            Call call = newCall(client, base);
            for (int i = 0; i < warmup; i++) {
                call.run();
            }
            long[] nanos = new long[calls];
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                call.run();
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            ThroughputRun.Result throughput = threads > 0
                    ? ThroughputRun.run(call::run, threads, throughputSeconds) : ThroughputRun.Result.NOT_RUN;
            System.out.printf(Locale.ROOT, "calls=%d p50_us=%.1f p99_us=%.1f p999_us=%.1f calls_per_s=%.1f peak_rss_kib=%d process_cpu_s=%.3f throughput_io_failures=%d retried_calls=%d%n",
                    calls, micros(nanos, 0.50), micros(nanos, 0.99), micros(nanos, 0.999), throughput.callsPerSecond(),
                    peakRssKib(), processCpuSeconds(), throughput.ioFailures(), call.retries());
        }
        // the SDK's and OkHttp's non-daemon threads would otherwise keep the JVM up for a minute
        System.exit(0);
    }

    private static Call newCall(String client, String base) {
        switch (client) {
            case "jdk":
                return new JdkCall(URI.create(base + "/chat/completions"));
            case "okhttp":
                return new OkHttpCall(URI.create(base + "/chat/completions"));
            case "openai":
                return new OpenAiSdkCall(base);
            default:
                throw new IllegalArgumentException("client: jdk, okhttp or openai, not " + client);
        }
    }

    private static final String API_KEY = "sk-or-v1-" + "0123456789abcdef".repeat(4);
    static final String REQUEST = "{\"model\":\"google/gemini-3-flash-preview\",\"max_tokens\":256,"
            + "\"messages\":[{\"role\":\"system\",\"content\":\"You are terse.\"},"
            + "{\"role\":\"user\",\"content\":\"Summarise ticket 4411 for jane.doe@example.com in one line.\"}]}";

    /** One chat completion, read whole. */
    interface Call {
        void run() throws IOException, InterruptedException;

        /** Calls sent a second time after a stale pooled connection. */
        default long retries() {
            return 0;
        }
    }

    private static final class JdkCall implements Call {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final LongAdder retries = new LongAdder();
        private final URI uri;

        JdkCall(URI uri) {
            this.uri = uri;
        }

        @Override
        public long retries() {
            return retries.sum();
        }

        @Override
        public void run() throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + API_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(REQUEST))
                    .build();
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException stalePooledConnection) {
                // JDK 17's pool now and then hands out a keep-alive connection it is closing
                // ("header parser received no bytes"), agent or not: the call is sent again once.
                retries.increment();
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() != 200) {
                throw new IOException("unexpected status " + response.statusCode());
            }
        }
    }

    private static final class OkHttpCall implements Call {
        private static final MediaType JSON = MediaType.get("application/json");
        // room for one kept-alive connection per throughput thread, so no run pays for reconnects
        private final OkHttpClient client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES)).build();
        private final HttpUrl url;

        OkHttpCall(URI uri) {
            this.url = HttpUrl.get(uri.toString());
        }

        @Override
        public void run() throws IOException {
            Request request = new Request.Builder().url(url)
                    .header("Authorization", "Bearer " + API_KEY)
                    .post(RequestBody.create(REQUEST, JSON))
                    .build();
            try (Response response = client.newCall(request).execute()) {
                response.body().string();
                if (response.code() != 200) {
                    throw new IOException("unexpected status " + response.code());
                }
            }
        }
    }

    /** The SDK's synchronous chat completion, through its own OkHttp transport. */
    private static final class OpenAiSdkCall implements Call {
        private final OpenAIClient client;
        private final ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("google/gemini-3-flash-preview")
                .addSystemMessage("You are terse.")
                .addUserMessage("Summarise ticket 4411 for jane.doe@example.com in one line.")
                .maxTokens(256)
                .build();

        OpenAiSdkCall(String base) {
            client = OpenAIOkHttpClient.builder().baseUrl(base).apiKey(API_KEY).maxRetries(0)
                    .timeout(Duration.ofSeconds(30)).build();
        }

        @Override
        public void run() {
            ChatCompletion completion = client.chat().completions().create(params);
            if (completion.choices().isEmpty()) {
                throw new IllegalStateException("no choices");
            }
        }
    }

    private static double micros(long[] sorted, double q) {
        int i = Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1000.0;
    }

    /** All threads of this process so far, as the JVM reports it (the harness prefers GNU time's figure). */
    private static double processCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e9 : Double.NaN;
    }

    private static long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // not Linux
        }
        return -1;
    }

    static byte[] completionJson() {
        String content = "Ticket 4411: customer reports duplicate invoice charges after the plan change; refund approved. ".repeat(8);
        return ("{\"id\":\"gen-1766107352-qwhPp17HeXK7ivKFmPFa\",\"provider\":\"Google\","
                + "\"model\":\"google/gemini-3-flash-preview\",\"object\":\"chat.completion\",\"created\":1766107352,"
                + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"native_finish_reason\":\"STOP\",\"logprobs\":null,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\",\"refusal\":null}}],"
                + "\"usage\":{\"prompt_tokens\":18,\"completion_tokens\":1067,\"total_tokens\":1085,\"cost\":0.00321,"
                + "\"is_byok\":false,\"prompt_tokens_details\":{\"cached_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":826}}}").getBytes(StandardCharsets.UTF_8);
    }
}
