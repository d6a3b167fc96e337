package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.apps.ClassPathClashApp;
import io.openrouteraudit.sim.OpenRouterSimulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An application with its own Jackson 2.9, Byte Buddy 1.10 and SLF4J 1.7 keeps seeing exactly
 * those with the agent attached (which carries newer versions of all three), and is audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassPathClashIT {

    /** Each line the app prints about a class must name the application's own jar. */
    private static final List<String> OWN_JARS = List.of(
            "com.fasterxml.jackson.core.JsonFactory from jackson-core-2.9.",
            "com.fasterxml.jackson.databind.ObjectMapper from jackson-databind-2.9.",
            "net.bytebuddy.ByteBuddy from byte-buddy-1.10.",
            "org.slf4j.Logger from slf4j-api-1.7.");

    private final OpenRouterSimulator simulator = OpenRouterSimulator.start();
    private final AgentComparison comparison = new AgentComparison(simulator);

    @AfterAll
    void stopSimulator() {
        simulator.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void applicationKeepsItsOwnJacksonByteBuddyAndSlf4j(TestJdk jdk, @TempDir Path temp) {
        ComparedRuns runs = comparison.run(jdk, temp.resolve("journal"), AppClassPath.clashApp(),
                ClassPathClashApp.class, List.of(simulator.baseUrl()));

        runs.assertApplicationUnchanged();
        List<String> lines = runs.withAgent().process().stdoutLines();
        for (String ownJar : OWN_JARS) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(ownJar)),
                    () -> "expected a line starting with \"" + ownJar + "\" in\n" + String.join("\n", lines));
        }
        assertTrue(lines.contains("byte buddy made: a class generated at run time"), String.join("\n", lines));
        assertEquals(1, runs.withAgent().auditedExchanges().size());

        ExportedJournal.read(runs.journalDir())
                .assertWellFormed(JdkClientAppAudit.CLIENT)
                .assertOneRecordPerExchange(runs.withAgent().auditedExchanges(), JdkClientAppAudit.EXPECTATIONS)
                .assertNoSecrets(runs.withAgent().process());
    }
}
