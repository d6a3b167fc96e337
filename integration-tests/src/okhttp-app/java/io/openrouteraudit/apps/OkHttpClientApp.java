package io.openrouteraudit.apps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application that calls OpenRouter through OkHttp, written against the OkHttp 3.14 API
 * only, so the same classes run on OkHttp 3.x, 4.x and 5.x (the build compiles it against
 * 3.14.9 alone; the tests put one OkHttp version at a time on its class path). It has its own
 * application interceptor (adds a header) and network interceptor (logs what it saw), and its
 * own OpenTelemetry API, and prints a deterministic transcript of what it observed.
 *
 * <p>Usage: {@code OkHttpClientApp <baseUrl> <scenario>...}, or {@code all}; {@code --list}
 * prints the scenario names. A failing call is part of the transcript, not of the exit code.
 */
public final class OkHttpClientApp {

    /** Every scenario, by name, in the order {@code all} runs them. */
    static final Map<String, OkHttpScenario> SCENARIOS = scenarios();
    /**
     * Scenarios run only when named: a refused connection never reaches the simulator, so a
     * test that pairs records with what the simulator saw runs it apart.
     */
    static final Map<String, OkHttpScenario> ON_REQUEST = onRequest();

    private OkHttpClientApp() {
    }

    public static void main(String[] args) {
        List<String> names = ScenarioArgs.scenarios("OkHttpClientApp", SCENARIOS.keySet(), ON_REQUEST.keySet(), args);
        if (names == null) {
            return;
        }
        Transcript transcript = new Transcript(System.out);
        OkHttpContext context = new OkHttpContext(args[0], transcript);
        transcript.note("okhttp: " + ClassOrigin.describe(okhttp3.OkHttpClient.class));
        for (String name : names) {
            transcript.begin(name);
            try {
                SCENARIOS.getOrDefault(name, ON_REQUEST.get(name)).run(context);
            } catch (Exception e) {
                transcript.failure(e);
            }
        }
        transcript.begin("end");
        // Let the JVM exit on its own, as a well-behaved application does: OkHttp's dispatcher
        // threads are not daemons. A response the application never read stays open until then.
        context.shutdown();
    }

    /**
     * Also run only when named: hostile servers, which take seconds or a large heap, and a body
     * left to the garbage collector, which waits for its test; each has a test of its own.
     */
    private static Map<String, OkHttpScenario> onRequest() {
        Map<String, OkHttpScenario> scenarios = new LinkedHashMap<>();
        scenarios.put("connect-refused", OkHttpErrorScenarios::connectRefused);
        scenarios.put("unread-body-collected", OkHttpCallScenarios::unreadBodyCollected);
        OkHttpHostileScenarios.register(scenarios);
        return Collections.unmodifiableMap(scenarios);
    }

    private static Map<String, OkHttpScenario> scenarios() {
        Map<String, OkHttpScenario> scenarios = new LinkedHashMap<>();
        OkHttpErrorScenarios.registerSlow(scenarios);
        OkHttpCallScenarios.register(scenarios);
        OkHttpStreamScenarios.register(scenarios);
        OkHttpErrorScenarios.register(scenarios);
        return Collections.unmodifiableMap(scenarios);
    }
}
