package io.openrouteraudit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.config.FailMode;
import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.config.LogLevel;
import io.openrouteraudit.diag.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal that cannot be written never throws at the pipeline: its records wait in memory and
 * reach the file, in order and in one chain, once it can be written - at the latest when the
 * application ends. The operator reads one line per outage.
 */
class LazyJournalOutageTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(LogLevel.WARN, s -> s, new PrintStream(logged, true, StandardCharsets.UTF_8));

    /** A directory that cannot be created, even by root: its parent is a regular file. */
    private Path blockedJournalDir() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "not a directory");
        return blocker.resolve("journal");
    }

    private static List<String> storedGenerationIds(Path dir) throws IOException {
        ChainVerifier verifier = new ChainVerifier();
        List<String> ids = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir)) {
            for (String line = reader.next(); line != null; line = reader.next()) {
                verifier.accept(line);
                ids.add(line.replaceAll(".*\"generation_id\":\"([^\"]*)\".*", "$1"));
            }
        }
        assertTrue(verifier.result().intact(), verifier.result().toString());
        return ids;
    }

    @Test
    void recordsOfAnOutageAtStartAreWrittenInOrderOnceTheDirectoryCanBeCreated() throws Exception {
        Path dir = blockedJournalDir();
        LazyJournal journal = new LazyJournal(dir, JournalRoll.DAILY, 0, log, FailMode.OPEN);
        try {
            journal.write(TestRecords.record("gen-1", 0.001));
            journal.write(TestRecords.record("gen-2", 0.001));
            assertFalse(journal.writable(), "the directory cannot be created yet");

            Files.delete(tmp.resolve("blocker"));
            assertTrue(journal.writable(), "a check while failing tries to recover, and does");
            journal.write(TestRecords.record("gen-3", 0.001));
        } finally {
            journal.close();
        }
        assertEquals(List.of("gen-1", "gen-2", "gen-3"), storedGenerationIds(dir));
        List<String> lines = logged.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("openrouter-audit: records cannot be written to the journal in " + dir + " (calls go on;"),
                lines.get(0));
    }

    @Test
    void whatIsStillKeptAtExitIsCountedAndTheOutageStaysOneWarningLine() throws Exception {
        ByteArrayOutputStream infoLogged = new ByteArrayOutputStream();
        AgentLog infoLog = new AgentLog(LogLevel.INFO, s -> s, new PrintStream(infoLogged, true, StandardCharsets.UTF_8));
        Path dir = blockedJournalDir();
        LazyJournal journal = new LazyJournal(dir, JournalRoll.DAILY, 0, infoLog, FailMode.CLOSED);
        journal.write(TestRecords.record("gen-a", 0.001));
        journal.write(TestRecords.record("gen-b", 0.001));
        assertFalse(journal.writable());
        journal.close(); // as the shutdown hook does
        List<String> lines = infoLogged.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains(dir + " (fail-mode=closed: new calls are refused until it can be again)"),
                lines.get(0));
        assertEquals("openrouter-audit: 2 records could not be written to the journal in " + dir
                + " before the application ended and are lost", lines.get(1));
        assertFalse(Files.exists(dir));
    }
}
