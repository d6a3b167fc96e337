package io.openrouteraudit.apps;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application that calls OpenRouter through {@code java.net.http.HttpClient} in every way
 * the JDK allows, and prints a deterministic transcript of what it observed.
 *
 * <p>Usage: {@code JdkClientApp <baseUrl> <scenario>...}, or {@code all}; {@code --list} prints
 * the scenario names. A failing call is part of the transcript, not of the exit code: it exits 0
 * unless its arguments are wrong.
 */
public final class JdkClientApp {

    /** Every scenario, by name, in the order {@code all} runs them. */
    static final Map<String, Scenario> SCENARIOS = scenarios();
    /**
     * Scenarios run only when named: hostile servers and calls the application never finishes,
     * which take seconds or a large heap and have tests of their own.
     */
    static final Map<String, Scenario> ON_REQUEST = onRequest();

    private JdkClientApp() {
    }

    public static void main(String[] args) {
        List<String> names = ScenarioArgs.scenarios("JdkClientApp", SCENARIOS.keySet(), ON_REQUEST.keySet(), args);
        if (names == null) {
            return;
        }
        Transcript transcript = new Transcript(System.out);
        ScenarioContext context = new ScenarioContext(URI.create(args[0]), transcript);
        for (String name : names) {
            transcript.begin(name);
            try {
                SCENARIOS.getOrDefault(name, ON_REQUEST.get(name)).run(context);
            } catch (Exception e) {
                transcript.failure(e);
            }
        }
        transcript.begin("end");
    }

    private static Map<String, Scenario> scenarios() {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        CallScenarios.register(scenarios);
        BodyHandlerScenarios.register(scenarios);
        BodyPublisherScenarios.register(scenarios);
        StreamScenarios.register(scenarios);
        ErrorScenarios.register(scenarios);
        return Collections.unmodifiableMap(scenarios);
    }

    private static Map<String, Scenario> onRequest() {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        HostileServerScenarios.register(scenarios);
        UnfinishedCallScenarios.register(scenarios);
        return Collections.unmodifiableMap(scenarios);
    }
}
