package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.apps.SampleChatApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The README demo: two questions, one streamed, give two verified records in an owner-only journal. */
class SampleChatAppIT extends SimulatorPerClass {

    private final AgentComparison comparison = new AgentComparison(simulator);

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void demoQuestionsAreAnsweredAsBeforeAndRecordedInAVerifiedJournal(TestJdk jdk, @TempDir Path temp)
            throws IOException {
        Path journalDir = temp.resolve("demo-journal");
        ComparedRuns runs = comparison.run(jdk, journalDir, AppClassPath.apps(), SampleChatApp.class,
                List.of(simulator.baseUrl()));

        runs.assertApplicationUnchanged();
        assertEquals(2, runs.withAgent().auditedExchanges().size());
        ExportedJournal journal = ExportedJournal.read(journalDir)
                .assertWellFormed(JdkClientAppAudit.CLIENT)
                .assertOneRecordPerExchange(runs.withAgent().auditedExchanges(), JdkClientAppAudit.EXPECTATIONS)
                .assertNoSecrets(runs.withAgent().process());
        assertEquals(List.of(false, true),
                journal.records().stream().map(r -> JsonFields.bool(r, "stream")).sorted().toList(),
                "one plain and one streamed answer");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journalDir)),
                "the journal directory is created owner-only (SPEC §3 journal.dir)");
    }
}
