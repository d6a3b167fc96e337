package io.openrouteraudit.it;

import static io.openrouteraudit.it.JournalLoadRun.calls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SPEC §4 durability: a record reaches the mapped file before the application sees the end of
 * the body, so {@code kill -9} loses no call the application saw complete, leaves a journal that
 * verifies, and a restarted application on the same directory continues seq and the chain.
 */
class JournalCrashIT extends SimulatorPerTest {

    private static final int CALLS = 2_000;
    /** Well into the run and far from its end: the kill lands mid-run. */
    private static final int KILL_AFTER_COMPLETED = 100;
    private static final int RESTART_CALLS = 10;


    @ParameterizedTest
    @EnumSource(TestJdk.class)
    void killDashNineLosesNoCompletedCallAndARestartContinuesTheChain(TestJdk jdk) throws Exception {
        Path journal = temp.resolve("journal");
        StartedJvm app = JournalLoadRun.withAgent(jdk, simulator, journal, Map.of(), calls("crash", 1, CALLS)).start();
        try {
            app.awaitLines(KILL_AFTER_COMPLETED);
        } finally {
            app.close(); // SIGKILL (Process.destroyForcibly), while the calls go on
        }
        List<String> seen = app.lines();
        assertFalse(seen.contains("end"), "killed mid-run");
        List<String> completed = JournalLoadRun.completedGenerationIds(seen);
        assertTrue(completed.size() >= KILL_AFTER_COMPLETED && completed.size() < CALLS, app.describe());

        ExportedJournal afterCrash = ExportedJournal.read(journal).assertWellFormed(JournalLoadRun.CLIENT);
        List<String> journalIds = JournalLoadRun.generationIds(afterCrash.records());
        Set<String> missing = new HashSet<>(completed);
        journalIds.forEach(missing::remove);
        assertEquals(Set.of(), missing, "calls the application printed as complete but not in the journal");
        assertEquals(journalIds.size(), new HashSet<>(journalIds).size(), "no record twice");
        // At most the call in flight: recorded, but killed before the application printed it.
        assertTrue(journalIds.size() - completed.size() <= 1,
                journalIds.size() + " records for " + completed.size() + " printed calls");

        ForkedJvmResult restarted = JournalLoadRun.withAgent(jdk, simulator, journal, Map.of(),
                calls("restart", 1, RESTART_CALLS)).run().assertExitCode(0);
        assertFalse(restarted.stderr().contains("openrouter-audit:"), restarted.describe());
        ExportedJournal both = ExportedJournal.read(journal).assertWellFormed(JournalLoadRun.CLIENT);
        List<JsonNode> records = both.records();
        assertEquals(afterCrash.records().size() + RESTART_CALLS, records.size(),
                "seq continues from the crashed run's last record, and verify passes over both runs");
        for (int i = 0; i < afterCrash.records().size(); i++) {
            assertEquals(JsonFields.text(afterCrash.records().get(i), "record_hash"),
                    JsonFields.text(records.get(i), "record_hash"), "the crashed run's records stay as they were");
        }
        assertEquals(JournalLoadRun.completedGenerationIds(restarted.stdoutLines()),
                JournalLoadRun.generationIds(records.subList(afterCrash.records().size(), records.size())),
                "the restarted run's calls follow, in order");
    }
}
