package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code tail} (SPEC §5) on a journal that the agent writes in other JVMs: {@code --follow} in
 * its own JVM prints, as they are appended, the records of applications that run while it is
 * running, each once and in seq order, and it runs on until the test kills it; {@code -n K}
 * prints the newest K of a finished journal.
 */
class TailFollowAcrossProcessesIT extends SimulatorPerTest {


    /** {@code count} successful calls, told apart from other runs' by the user named after {@code run}. */
    private static List<String> calls(String run, int count) {
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(TeamChatRun.call(TeamChatRun.MODELS.get(i % TeamChatRun.MODELS.size()), run + "-" + i,
                    TeamChatRun.KEYS.get(i % TeamChatRun.KEYS.size())));
        }
        return calls;
    }

    @Test
    void followPrintsEveryRecordAppendedByOtherJvmsOnceInSeqOrderAndKeepsRunning() throws InterruptedException {
        Path journal = temp.resolve("journal");
        TeamChatRun.run(simulator, journal, calls("before", 2));

        try (StartedJvm tail = AgentCli.start("tail", "--dir", journal.toString(), "--follow")) {
            tail.awaitLines(2);
            TeamChatRun.run(simulator, journal, calls("during", 8));
            tail.awaitLines(10);
            assertTrue(tail.isAlive(), "tail --follow goes on after the application ended\n" + tail.describe());
            TeamChatRun.run(simulator, journal, calls("after", 3));
            List<String> followed = tail.awaitLines(13);

            List<String> exported = AgentCli.export(journal).assertExitCode(0).stdoutLines();
            assertEquals(13, exported.size(), "one record per call of the three runs");
            assertEquals(exported, followed, "tail printed each stored record once, in journal order");
            List<JsonNode> records = AgentCli.exportRecords(AgentCli.export(journal));
            for (int i = 0; i < records.size(); i++) {
                assertEquals(i + 1, JsonFields.longValue(records.get(i), "seq"), "seq order");
            }
            assertTrue(tail.isAlive(), "still following when the test stops it\n" + tail.describe());
            assertEquals("", tail.stderr(), tail.describe());
        }
    }

    @Test
    void withoutFollowTailPrintsTheNewestKRecordsOfAFinishedJournalAndExits() {
        Path journal = temp.resolve("journal");
        TeamChatRun.run(simulator, journal, calls("only", 7));
        List<String> exported = AgentCli.export(journal).assertExitCode(0).stdoutLines();
        assertEquals(7, exported.size());

        for (int k : new int[] {0, 1, 3, 7, 50}) {
            ForkedJvmResult tail = AgentCli.run("tail", "--dir", journal.toString(), "-n", Integer.toString(k))
                    .assertExitCode(0);
            assertEquals(exported.subList(Math.max(0, exported.size() - k), exported.size()), tail.stdoutLines(),
                    "tail -n " + k);
            assertEquals("", tail.stderr(), tail.describe());
        }
        ForkedJvmResult tenByDefault = AgentCli.run("tail", "--dir", journal.toString()).assertExitCode(0);
        assertEquals(exported, tenByDefault.stdoutLines(), "the default of 10 takes all 7");
    }
}
