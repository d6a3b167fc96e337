package io.openrouteraudit.it;

import io.openrouteraudit.apps.TeamChatApp;
import io.openrouteraudit.sim.OpenRouterSimulator;
import io.openrouteraudit.sim.SimulatedBehaviour;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link TeamChatApp} run with the agent against the simulator: the journal of a team with several
 * models, users (by the {@code user.header} of SPEC §3) and keys, and calls that fail.
 * {@code content=full}, so the prompt text, with the CR LF the app puts between its messages,
 * is in the journal too.
 */
final class TeamChatRun {

    static final List<String> MODELS = List.of("openai/gpt-4o-mini", "anthropic/claude-3.5-haiku",
            "google/gemini-2.5-flash", "meta-llama/llama-3.3-70b-instruct");
    /** The third one needs CSV quoting: a comma and quotes. */
    static final List<String> USERS = List.of("alice", "bob", "ops, \"night\" shift");
    static final List<String> KEYS = List.of("team-a", "team-b", "team-c");
    /** Models whose calls OpenRouter refuses: records with status error and no cost. */
    static final List<String> FAILING_MODELS =
            List.of(SimulatedBehaviour.ERROR_500.modelId(), SimulatedBehaviour.ERROR_402.modelId());

    private TeamChatRun() {
    }

    /** Twelve successful calls over every model, user and key, then one call to each failing model. */
    static List<String> mixedCalls() {
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(call(MODELS.get(i % MODELS.size()), USERS.get(i % USERS.size()), KEYS.get(i / 4 % KEYS.size())));
        }
        calls.add(call(FAILING_MODELS.get(0), USERS.get(0), KEYS.get(1)));
        calls.add(call(FAILING_MODELS.get(1), USERS.get(2), KEYS.get(2)));
        return calls;
    }

    static String call(String model, String user, String keyName) {
        return model + TeamChatApp.SEPARATOR + user + TeamChatApp.SEPARATOR + keyName;
    }

    /** Runs the calls in an application JVM with the agent; the application must exit 0. */
    static ForkedJvmResult run(OpenRouterSimulator simulator, Path journalDir, List<String> calls) {
        List<String> args = new ArrayList<>();
        args.add(simulator.baseUrl());
        args.addAll(calls);
        Map<String, String> properties = AuditConfiguration.systemProperties(journalDir);
        properties.put("openrouter.audit.user.header", TeamChatApp.USER_HEADER);
        properties.put("openrouter.audit.content", "full");
        return ForkedJvm.mainClass(TestJdk.JDK_17, AppClassPath.apps(), TeamChatApp.class.getName())
                .javaAgent(AgentJar.require())
                .systemProperties(properties)
                .args(args)
                .run()
                .assertExitCode(0);
    }
}
