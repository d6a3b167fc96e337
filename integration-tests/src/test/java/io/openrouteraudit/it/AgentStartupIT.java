package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.apps.JdkClientApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the configuration does at start-up (SPEC §3): {@code enabled=false} installs nothing,
 * bad values and unknown keys get one clear line each and the application runs regardless,
 * and {@code fail-mode} decides whether a call goes on when the journal cannot be written.
 */
class AgentStartupIT extends SimulatorPerClass {

    private static final String SCENARIO = "sync-send";

    @Test
    void disabledAgentInstallsNothingAndWritesNoJournal(@TempDir Path temp) {
        Path journal = temp.resolve("journal");
        ForkedJvmResult without = app(Map.of("openrouter.audit.journal.dir", journal.toString()), false);
        ForkedJvmResult with = app(Map.of("openrouter.audit.journal.dir", journal.toString(),
                "openrouter.audit.enabled", "false"), true);

        assertEquals(without.stdout(), with.stdout());
        assertEquals("", with.stderr(), "a disabled agent says nothing");
        assertFalse(Files.exists(journal), "a disabled agent creates no journal");
    }

    @Test
    void badValuesAndUnknownKeysGetOneLineEachAndTheCallIsStillAudited(@TempDir Path temp) throws IOException {
        Path journal = temp.resolve("journal");
        ForkedJvmResult with = app(Map.of("openrouter.audit.journal.dir", journal.toString(),
                "openrouter.audit.content", "everything",
                "openrouter.audit.jurnal.roll", "hourly"), true);

        List<String> lines = with.stderr().lines().toList();
        assertEquals(2, lines.size(), with.describe());
        String bad = lines.stream().filter(l -> l.contains("openrouter.audit.content")).findFirst().orElseThrow();
        assertTrue(bad.contains("'everything'") && bad.contains("none") && bad.contains("redacted")
                && bad.contains("full"), bad);
        String unknown = lines.stream().filter(l -> l.contains("jurnal")).findFirst().orElseThrow();
        assertTrue(unknown.contains("openrouter.audit.journal.roll"), "the nearest key is suggested: " + unknown);
        lines.forEach(l -> assertTrue(l.startsWith("openrouter-audit: "), l));

        List<?> records = AgentCli.exportRecords(AgentCli.export(journal).assertExitCode(0));
        assertEquals(1, records.size(), "the call is audited with the default for the bad value");
        assertTrue(records.get(0).toString().contains("\"prompt\":null"), "content falls back to none");
    }

    @Test
    void failClosedRefusesTheCallBeforeAnyByteLeavesWhenTheJournalCannotBeWritten(@TempDir Path temp)
            throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("plain-file"), "x");
        int before = simulator.exchangeCount();
        ForkedJvmResult with = app(Map.of("openrouter.audit.journal.dir", notADirectory.resolve("journal").toString(),
                "openrouter.audit.fail-mode", "closed"), true);

        assertEquals(before, simulator.exchangeCount(), "the simulator received nothing");
        assertTrue(with.stdout().contains("IOException"), with.describe());
        assertTrue(with.stdout().contains("fail-mode=closed"), with.describe());
    }

    @Test
    void failOpenLetsTheCallThroughAndSaysOnceThatTheJournalIsUnwritable(@TempDir Path temp) throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("plain-file"), "x");
        Map<String, String> properties = Map.of("openrouter.audit.journal.dir",
                notADirectory.resolve("journal").toString());
        ForkedJvmResult without = app(properties, false);
        ForkedJvmResult with = app(properties, true);

        assertEquals(without.stdout(), with.stdout(), "the application sees exactly what it saw without the agent");
        // One line per problem, never repeated: the journal cannot be written, and the HMAC key
        // file (which lives in the journal directory by default) cannot be created.
        List<String> lines = with.stderr().lines().toList();
        assertEquals(2, lines.size(), with.describe());
        lines.forEach(l -> assertTrue(l.startsWith("openrouter-audit: "), l));
        assertTrue(lines.stream().anyMatch(l -> l.contains("be written to the journal")), with.describe());
        assertTrue(lines.stream().anyMatch(l -> l.contains("hash.key")), with.describe());
    }

    private ForkedJvmResult app(Map<String, String> extra, boolean withAgent) {
        ForkedJvm jvm = ForkedJvm.mainClass(TestJdk.values()[0], AppClassPath.apps(), JdkClientApp.class.getName())
                .systemProperty("openrouter.audit.hosts", AuditConfiguration.AUDITED_HOST)
                .systemProperty("openrouter.audit.otel.enabled", "false")
                .systemProperties(extra)
                .args(simulator.baseUrl(), SCENARIO);
        if (withAgent) {
            jvm.javaAgent(AgentJar.require());
        }
        return jvm.run().assertExitCode(0);
    }
}
