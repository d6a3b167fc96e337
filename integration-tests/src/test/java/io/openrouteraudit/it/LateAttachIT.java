package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openrouteraudit.sim.RecordedExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent attached to a running JVM (SPEC §2: {@code Agent-Class}, through the Attach API)
 * audits the calls made after it arrived — through a JDK HttpClient or an OkHttpClient that was
 * already loaded and used before — and none made before; the application prints and sends the
 * same as a run that was never attached to.
 *
 * <p>Configuration comes from {@code openrouter.audit.*} system properties on the application's
 * command line (both runs have them), as an operator who plans to attach sets them. On JDK 21
 * and newer the JVM prints a four-line warning when an agent is loaded into it (JEP 451) unless
 * the application runs with {@code -XX:+EnableDynamicAgentLoading}; on JDK 24 and newer it also
 * warns once about Chronicle's use of sun.misc.Unsafe. Those JVM warnings, naming the agent jar,
 * are the only difference allowed on stderr.
 */
class LateAttachIT extends SimulatorPerClass {

    private static final String APP = "io.openrouteraudit.apps.LateAttachApp";
    private static final String WAITING = "waiting for the release file";

    static Stream<Arguments> clientsAndJdks() {
        List<Arguments> combinations = new ArrayList<>();
        for (TestJdk jdk : TestJdk.values()) {
            combinations.add(Arguments.of("jdk", JdkClientAppAudit.CLIENT, jdk));
            combinations.add(Arguments.of("okhttp", OkHttpClientAppIT.CLIENT, jdk));
        }
        return combinations.stream();
    }

    @ParameterizedTest(name = "{1} on {2}")
    @MethodSource("clientsAndJdks")
    void callsMadeAfterTheAttachAreAuditedAndTheApplicationIsUnchanged(String appClient, String recordClient,
                                                                       TestJdk jdk, @TempDir Path temp)
            throws IOException, InterruptedException {
        Path journalDir = temp.resolve("journal");
        Map<String, String> properties = AuditConfiguration.systemProperties(journalDir);
        Path agentJar = AgentJar.require();

        AppRun never = run(jdk, appClient, properties, Files.createFile(temp.resolve("released")), false);
        AppRun attached = run(jdk, appClient, properties, temp.resolve("released-after-attach"), true);

        ComparedRuns runs = new ComparedRuns(never, attached, journalDir);
        runs.assertApplicationUnchanged();
        String stderr = JvmWarnings.withoutAgentsUnsafeWarning(
                JvmWarnings.withoutDynamicAgentLoadingWarning(attached.process().stderr(), agentJar), agentJar);
        assertEquals(never.process().stderr(), stderr, "the application's stderr, but for the JVM's own warnings\n"
                + attached.process().describe());

        String prefix = "late-attach-" + appClient;
        List<RecordedExchange> audited = attached.auditedExchanges();
        assertEquals(List.of(prefix + "-before", prefix + "-after", prefix + "-stream-after"),
                audited.stream().map(RecordPairing::label).toList(), "test design: the calls the app made");
        List<RecordedExchange> afterTheAttach = audited.subList(1, audited.size());
        ExportedJournal.read(journalDir)
                .assertWellFormed(recordClient)
                .assertOneRecordPerExchange(afterTheAttach, new RecordExpectations(recordClient))
                .assertNoSecrets(attached.process());
    }

    /**
     * One run of the app: it makes its first call, prints {@link #WAITING} and waits for
     * {@code release}; with {@code attach}, the agent is loaded into it then, and only then is
     * {@code release} created.
     */
    private AppRun run(TestJdk jdk, String appClient, Map<String, String> properties, Path release, boolean attach)
            throws IOException, InterruptedException {
        ForkedJvm fork = ForkedJvm.mainClass(jdk, LibraryApp.OKHTTP_4.classPath(), APP)
                .timeout(LibraryAppRuns.FORK_TIMEOUT)
                .systemProperties(properties)
                .args(simulator.baseUrl(), release.toString(), appClient);
        int mark = simulator.exchangeCount();
        try (StartedJvm app = fork.start()) {
            if (attach) {
                app.awaitLine(WAITING);
                AgentAttacher.attach(app.pid(), AgentJar.require());
                Files.createFile(release);
            }
            ForkedJvmResult result = app.awaitExit().assertExitCode(0);
            return new AppRun(result, simulator.exchangesSince(mark));
        }
    }
}
