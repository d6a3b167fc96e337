package io.openrouteraudit.it;

import static io.openrouteraudit.it.JournalLoadRun.await;
import static io.openrouteraudit.it.JournalLoadRun.awaiting;
import static io.openrouteraudit.it.JournalLoadRun.calls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SPEC §4: one record per exchange, seq without gaps and an intact chain, however many threads
 * end exchanges at once - and however many processes share one {@code journal.dir}.
 */
class JournalConcurrencyIT extends SimulatorPerTest {


    @Test
    void sixteenThreadsOfFiftyCallsGiveEightHundredRecordsInOneUnbrokenChain() {
        Path journal = temp.resolve("journal");
        ForkedJvmResult app = JournalLoadRun.withAgent(TestJdk.JDK_17, simulator, journal, Map.of(),
                calls("load", 16, 50)).run().assertExitCode(0);

        List<String> printed = JournalLoadRun.completedGenerationIds(app.stdoutLines());
        assertEquals(800, printed.size(), app.describe());
        ExportedJournal exported = ExportedJournal.read(journal).assertWellFormed(JournalLoadRun.CLIENT);
        assertEquals(800, exported.records().size(), "seq 1..800, verify OK 800 records");
        JournalLoadRun.assertSameDistinctIds(printed, JournalLoadRun.generationIds(exported.records()),
                "800 distinct generation ids, each call's once");
        assertEquals("", app.stderr(), app.describe());
    }

    @ParameterizedTest
    @EnumSource(TestJdk.class)
    void twoJvmsWritingOneJournalAtOnceInterleaveIntoOneIntactChain(TestJdk jdk) throws Exception {
        Path journal = temp.resolve("journal");
        Path go = temp.resolve("go");
        List<String> printedByFirst;
        List<String> printedBySecond;
        // One call first, so both have their journal open and must follow each other's appends.
        StartedJvm first = JournalLoadRun.withAgent(jdk, simulator, journal, Map.of(),
                calls("first-warm", 1, 1), await(go), calls("first", 8, 50)).start();
        try (StartedJvm second = JournalLoadRun.withAgent(jdk, simulator, journal, Map.of(),
                calls("second-warm", 1, 1), await(go), calls("second", 8, 50)).start()) {
            first.awaitLine(awaiting(go));
            second.awaitLine(awaiting(go));
            Files.createFile(go);
            assertEquals(0, first.awaitExit().exitCode(), first.describe());
            assertEquals(0, second.awaitExit().exitCode(), second.describe());
            printedByFirst = JournalLoadRun.completedGenerationIds(first.lines());
            printedBySecond = JournalLoadRun.completedGenerationIds(second.lines());
        } finally {
            first.close();
        }
        assertEquals(401, printedByFirst.size());
        assertEquals(401, printedBySecond.size());

        ExportedJournal exported = ExportedJournal.read(journal).assertWellFormed(JournalLoadRun.CLIENT);
        List<String> inSeqOrder = JournalLoadRun.generationIds(exported.records());
        List<String> printed = new ArrayList<>(printedByFirst);
        printed.addAll(printedBySecond);
        JournalLoadRun.assertSameDistinctIds(printed, inSeqOrder, "every call of both JVMs is in the journal once");
        assertTrue(writerSwitches(inSeqOrder, new HashSet<>(printedBySecond)) >= 2,
                "test design: the two JVMs' records must interleave, or they did not write at once");
    }

    /** How often, in seq order, the writing JVM changes. */
    private static int writerSwitches(List<String> idsInSeqOrder, Set<String> secondIds) {
        int switches = 0;
        for (int i = 1; i < idsInSeqOrder.size(); i++) {
            if (secondIds.contains(idsInSeqOrder.get(i)) != secondIds.contains(idsInSeqOrder.get(i - 1))) {
                switches++;
            }
        }
        return switches;
    }
}
