package io.openrouteraudit.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The measured application: a JDK HttpClient, or OkHttp, calling a loopback server that answers
 * like OpenRouter (a 1.5 KB chat completion). Prints one line of figures; the agent, when
 * attached, audits every call.
 *
 * <p>Usage: {@code CallLatencyApp WARMUP CALLS [jdk|okhttp]}
 */
public final class CallLatencyApp {

    private CallLatencyApp() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        byte[] answer = completionJson();
        boolean okHttp = args.length > 2 && args[2].equals("okhttp");
        try (LoopbackChatServer server = new LoopbackChatServer(answer)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/chat/completions");
            Call call = okHttp ? new OkHttpCall(uri) : new JdkCall(uri);
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
            System.out.printf("calls=%d p50_us=%.1f p99_us=%.1f p999_us=%.1f peak_rss_kib=%d%n", calls,
                    micros(nanos, 0.50), micros(nanos, 0.99), micros(nanos, 0.999), peakRssKib());
        }
    }

    private static final String API_KEY = "sk-or-v1-" + "0123456789abcdef".repeat(4);
    private static final String REQUEST = "{\"model\":\"google/gemini-3-flash-preview\",\"max_tokens\":256,"
            + "\"messages\":[{\"role\":\"system\",\"content\":\"You are terse.\"},"
            + "{\"role\":\"user\",\"content\":\"Summarise ticket 4411 for jane.doe@example.com in one line.\"}]}";

    /** One chat completion, read whole. */
    private interface Call {
        void run() throws IOException, InterruptedException;
    }

    private static final class JdkCall implements Call {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI uri;

        JdkCall(URI uri) {
            this.uri = uri;
        }

        @Override
        public void run() throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + API_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(REQUEST))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("unexpected status " + response.statusCode());
            }
        }
    }

    private static final class OkHttpCall implements Call {
        private static final MediaType JSON = MediaType.get("application/json");
        private final OkHttpClient client = new OkHttpClient();
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

    private static double micros(long[] sorted, double q) {
        int i = Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1000.0;
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
