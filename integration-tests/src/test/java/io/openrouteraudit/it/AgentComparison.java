package io.openrouteraudit.it;

import io.openrouteraudit.sim.OpenRouterSimulator;
import io.openrouteraudit.sim.RecordedExchange;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs an application twice against one simulator — without the agent, then with it — with
 * the same class path, arguments and {@code openrouter.audit.*} properties; only
 * {@code -javaagent} differs. Both runs must exit 0.
 */
final class AgentComparison {

    private final OpenRouterSimulator simulator;

    AgentComparison(OpenRouterSimulator simulator) {
        this.simulator = simulator;
    }

    ComparedRuns run(TestJdk jdk, Path journalDir, String classPath, Class<?> mainClass, List<String> args) {
        return run(jdk, journalDir, classPath, mainClass, args, List.of());
    }

    /** The same, both runs with these JVM options too (a heap limit, say). */
    ComparedRuns run(TestJdk jdk, Path journalDir, String classPath, Class<?> mainClass, List<String> args,
                     List<String> jvmOptions) {
        Path agentJar = AgentJar.require();
        Map<String, String> properties = AuditConfiguration.systemProperties(journalDir);
        ForkedJvm without = ForkedJvm.mainClass(jdk, classPath, mainClass.getName()).systemProperties(properties);
        ForkedJvm with = ForkedJvm.mainClass(jdk, classPath, mainClass.getName()).javaAgent(agentJar)
                .systemProperties(properties);
        jvmOptions.forEach(without::jvmOption);
        jvmOptions.forEach(with::jvmOption);
        AppRun withoutAgent = runOnce(without.args(args));
        AppRun withAgent = runOnce(with.args(args));
        return new ComparedRuns(withoutAgent, withAgent, journalDir);
    }

    /**
     * The same with other properties (given to both runs) and an application this JVM need not
     * load: {@code app} makes a fresh, fully set-up fork for each run (told which it is, so the
     * two may, say, wait for different files), and {@code whileTheAgentRuns} runs on this thread
     * while the run with the agent is under way (the fork's own timeout bounds that run).
     */
    ComparedRuns run(Path journalDir, Map<String, String> properties, Function<Boolean, ForkedJvm> app,
                     Runnable whileTheAgentRuns) {
        Path agentJar = AgentJar.require();
        AppRun without = runOnce(app.apply(false).systemProperties(properties));
        ForkedJvm with = app.apply(true).javaAgent(agentJar).systemProperties(properties);
        int mark = simulator.exchangeCount();
        CompletableFuture<ForkedJvmResult> running = CompletableFuture.supplyAsync(with::run);
        whileTheAgentRuns.run();
        ForkedJvmResult result = running.join().assertExitCode(0);
        return new ComparedRuns(without, new AppRun(result, simulator.exchangesSince(mark)), journalDir);
    }

    /** Runs the application without any agent (to check the apps and the simulator themselves). */
    AppRun runWithoutAgent(TestJdk jdk, String classPath, Class<?> mainClass, List<String> args) {
        return runOnce(ForkedJvm.mainClass(jdk, classPath, mainClass.getName()).args(args));
    }

    private AppRun runOnce(ForkedJvm jvm) {
        int mark = simulator.exchangeCount();
        ForkedJvmResult result = jvm.run().assertExitCode(0);
        List<RecordedExchange> exchanges = simulator.exchangesSince(mark);
        return new AppRun(result, exchanges);
    }
}
