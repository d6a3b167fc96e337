package io.openrouteraudit.apps;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.Response;

/**
 * A running application that an agent is attached to later (Attach API): it calls OpenRouter
 * through one client — the JDK HttpClient or OkHttp, so that client's classes are loaded and
 * used before the agent arrives — then says so and waits for a release file, then calls again
 * through the very same client object: a whole answer and a streamed one.
 *
 * <p>Usage: {@code LateAttachApp <baseUrl> <release-file> jdk|okhttp}.
 */
public final class LateAttachApp {

    /** Printed when the calls before the attach are done and the app waits for the release file. */
    public static final String WAITING = "waiting for the release file";

    private LateAttachApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[2].equals("jdk") || args[2].equals("okhttp"))) {
            System.err.println("usage: LateAttachApp <baseUrl> <release-file> jdk|okhttp");
            System.exit(2);
        }
        Transcript transcript = new Transcript(System.out);
        Caller caller = args[2].equals("jdk") ? new JdkCaller(args[0]) : new OkHttpCaller(args[0], transcript);
        String prefix = "late-attach-" + args[2];
        transcript.begin("before the attach");
        caller.call(prefix + "-before", ChatRequestBodies.chat(Models.GPT_4O_MINI, prefix + "-before"), transcript);
        transcript.note(WAITING);
        System.out.flush();
        ReleaseFile.await(Path.of(args[1]));
        transcript.begin("after the attach");
        caller.call(prefix + "-after", ChatRequestBodies.chat(Models.CLAUDE_HAIKU, prefix + "-after"), transcript);
        caller.call(prefix + "-stream-after",
                ChatRequestBodies.chatStream(Models.GEMINI_FLASH, prefix + "-stream-after"), transcript);
        transcript.begin("end");
        caller.close();
    }

    private interface Caller {
        void call(String label, String jsonBody, Transcript transcript) throws IOException, InterruptedException;

        void close();
    }

    /** One HttpClient for every call: its HttpClientImpl is loaded and in use before the attach. */
    private static final class JdkCaller implements Caller {
        private final URI endpoint;
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        JdkCaller(String baseUrl) {
            this.endpoint = URI.create(baseUrl + ScenarioContext.CHAT_COMPLETIONS);
        }

        @Override
        public void call(String label, String jsonBody, Transcript transcript) throws IOException, InterruptedException {
            HttpRequest request = ScenarioContext.post(endpoint, HttpRequest.BodyPublishers.ofString(jsonBody)).build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            transcript.note(label);
            transcript.head(response);
            transcript.body(response.body());
        }

        @Override
        public void close() {
            // the JDK client's threads are daemons
        }
    }

    /** One OkHttpClient for every call: its exchange classes are loaded and in use before the attach. */
    private static final class OkHttpCaller implements Caller {
        private final OkHttpContext context;

        OkHttpCaller(String baseUrl, Transcript transcript) {
            this.context = new OkHttpContext(baseUrl, transcript);
        }

        @Override
        public void call(String label, String jsonBody, Transcript transcript) throws IOException {
            try (Response response = context.client().newCall(context.chat(label, jsonBody)).execute()) {
                transcript.note(label);
                context.head(response);
                transcript.body(response.body().bytes());
            }
        }

        @Override
        public void close() {
            context.shutdown();
        }
    }
}
