package io.openrouteraudit.apps;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import com.openai.errors.OpenAIServiceException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An application that calls OpenRouter through the OpenAI Java SDK ({@code com.openai:openai-java})
 * pointed at it with {@code baseUrl}: blocking and async clients, chat completions JSON and
 * streamed, retries, errors, the Responses API and embeddings. It prints a deterministic
 * transcript of what the SDK handed it. The build compiles it once against each SDK version
 * it runs with (the newest 4.x and the oldest whose API it fits).
 *
 * <p>Usage: {@code OpenAiSdkApp <baseUrl> <scenario>...}, or {@code all}; {@code --list} prints
 * the scenario names. A failing call is part of the transcript, not of the exit code.
 */
public final class OpenAiSdkApp {

    static final Map<String, OpenAiScenario> SCENARIOS = scenarios();
    /** Run only when named: hostile servers, which have a test of their own. */
    static final Map<String, OpenAiScenario> ON_REQUEST = onRequest();

    private OpenAiSdkApp() {
    }

    public static void main(String[] args) {
        List<String> names = ScenarioArgs.scenarios("OpenAiSdkApp", SCENARIOS.keySet(), ON_REQUEST.keySet(), args);
        if (names == null) {
            return;
        }
        Transcript transcript = new Transcript(System.out);
        transcript.note("sdk: " + ClassOrigin.describe(OpenAIOkHttpClient.class));
        try (Clients clients = new Clients(args[0])) {
            OpenAiContext context = new OpenAiContext(clients.sync, clients.async, clients.notAudited, transcript);
            for (String name : names) {
                transcript.begin(name);
                try {
                    SCENARIOS.getOrDefault(name, ON_REQUEST.get(name)).run(context);
                } catch (Exception e) {
                    failure(transcript, e);
                }
            }
        }
        transcript.begin("end");
    }

    /** What the application sees of an SDK exception: its class, message and, for an HTTP error, the status. */
    static void failure(Transcript transcript, Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        transcript.note("exception " + t.getClass().getName() + ": " + t.getMessage());
        if (t instanceof OpenAIServiceException) {
            transcript.note("status code " + ((OpenAIServiceException) t).statusCode());
        }
        if (t.getCause() != null) {
            transcript.note("caused by " + t.getCause().getClass().getName());
        }
    }

    private static Map<String, OpenAiScenario> scenarios() {
        Map<String, OpenAiScenario> scenarios = new LinkedHashMap<>();
        OpenAiScenarios.register(scenarios);
        return Collections.unmodifiableMap(scenarios);
    }

    private static Map<String, OpenAiScenario> onRequest() {
        Map<String, OpenAiScenario> scenarios = new LinkedHashMap<>();
        OpenAiScenarios.registerHostile(scenarios);
        return Collections.unmodifiableMap(scenarios);
    }

    /** The SDK clients, configured as an OpenRouter application configures them, closed at the end. */
    private static final class Clients implements AutoCloseable {
        final OpenAIClient sync;
        final OpenAIClientAsync async;
        final OpenAIClient notAudited;
        /**
         * The async client's stream callbacks run here: the application owns the threads and
         * stops them (openai-java 0.x makes non-daemon ones that close() leaves running for 60 s).
         */
        final ExecutorService streamHandlers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "support-desk-stream-handler");
            thread.setDaemon(true);
            return thread;
        });

        Clients(String baseUrl) {
            String apiBase = baseUrl + "/api/v1";
            sync = OpenAIOkHttpClient.builder()
                    .baseUrl(apiBase)
                    .apiKey(ClientIdentity.API_KEY)
                    .maxRetries(2)
                    .timeout(Duration.ofSeconds(30))
                    .putHeader("HTTP-Referer", ClientIdentity.HTTP_REFERER)
                    .putHeader("X-Title", ClientIdentity.X_TITLE)
                    .build();
            async = OpenAIOkHttpClientAsync.builder()
                    .baseUrl(apiBase)
                    .apiKey(ClientIdentity.API_KEY)
                    .maxRetries(2)
                    .timeout(Duration.ofSeconds(30))
                    .putHeader("HTTP-Referer", ClientIdentity.HTTP_REFERER)
                    .putHeader("X-Title", ClientIdentity.X_TITLE)
                    .streamHandlerExecutor(streamHandlers)
                    .build();
            // The same server under another name: a host the agent is not told to audit.
            notAudited = OpenAIOkHttpClient.builder()
                    .baseUrl(apiBase.replace("//127.0.0.1:", "//localhost:"))
                    .apiKey(ClientIdentity.API_KEY)
                    .maxRetries(0)
                    .timeout(Duration.ofSeconds(30))
                    .build();
        }

        @Override
        public void close() {
            sync.close();
            async.close();
            notAudited.close();
            streamHandlers.shutdown();
        }
    }
}
