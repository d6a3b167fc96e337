package io.openrouteraudit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.config.LogLevel;
import io.openrouteraudit.diag.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's journal applies journal.retention-days on its own daemon thread, at open and then periodically. */
class LazyJournalRetentionTest {

    private static final String THREAD = "openrouter-audit-journal-retention";

    @TempDir
    Path tmp;

    /** A journal with files from 40 and 35 days ago and one from today, as an agent would have left it. */
    private static Path journalWithOldFiles(Path dir) throws IOException {
        Instant now = Instant.now();
        SetTimeProvider time = new SetTimeProvider(now.minus(Duration.ofDays(40)));
        try (JournalWriter writer = JournalWriter.open(dir, JournalRoll.DAILY, time)) {
            writer.append(TestRecords.record("gen-40-days-ago", 0.001));
            time.currentTimeMillis(now.minus(Duration.ofDays(35)).toEpochMilli());
            writer.append(TestRecords.record("gen-35-days-ago", 0.001));
            time.currentTimeMillis(now.toEpochMilli());
            writer.append(TestRecords.record("gen-today", 0.001));
        }
        return dir;
    }

    private static long cycleFileCount(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".cq4")).count();
        }
    }

    private static boolean retentionThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(THREAD) && t.isAlive());
    }

    private static void awaitCycleFiles(Path dir, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (cycleFileCount(dir) != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, cycleFileCount(dir));
    }

    @Test
    void oldFilesAreDeletedInTheBackgroundOnceTheJournalOpensAndTheChainGoesOn() throws Exception {
        Path dir = journalWithOldFiles(tmp.resolve("journal"));
        assertEquals(3, cycleFileCount(dir));
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        AgentLog log = new AgentLog(LogLevel.INFO, s -> s, new PrintStream(logged, true, StandardCharsets.UTF_8));

        LazyJournal journal = new LazyJournal(dir, JournalRoll.DAILY, 30, log, Duration.ofMillis(100), Clock.systemUTC());
        try {
            journal.warmUp(); // returns at once: the open and the retention run on daemon threads
            awaitCycleFiles(dir, 1);
            assertTrue(retentionThreadAlive(), "a periodic pass is scheduled");
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals(THREAD)).allMatch(Thread::isDaemon));

            journal.write(TestRecords.record("gen-after-retention", 0.001));
        } finally {
            journal.close();
        }
        // The pass says what it deleted just after deleting it: the files may be gone a moment before the line is there.
        String expected = "journal retention (30 days): deleted 2 rolled file(s)";
        long logDeadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!logged.toString(StandardCharsets.UTF_8).contains(expected) && System.nanoTime() < logDeadline) {
            Thread.sleep(20);
        }
        String line = logged.toString(StandardCharsets.UTF_8);
        assertTrue(line.contains(expected), line);

        ChainVerifier verifier = new ChainVerifier();
        try (JournalReader reader = JournalReader.open(dir)) {
            for (String l = reader.next(); l != null; l = reader.next()) {
                verifier.accept(l);
            }
        }
        assertTrue(verifier.result().intact(), verifier.result().toString());
        assertEquals(3, verifier.result().firstSeq());
        assertEquals(2, verifier.result().records());

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (retentionThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(retentionThreadAlive(), "close stops the retention thread");
    }

    @Test
    void zeroDaysKeepsEverythingAndStartsNoThread() throws Exception {
        Path dir = journalWithOldFiles(tmp.resolve("journal"));
        LazyJournal journal = new LazyJournal(dir, JournalRoll.DAILY, 0, null, Duration.ofMillis(10), Clock.systemUTC());
        try {
            journal.write(TestRecords.record("gen-now", 0.001));
            Thread.sleep(200);
            assertEquals(3, cycleFileCount(dir));
            assertFalse(retentionThreadAlive());
        } finally {
            journal.close();
        }
    }
}
