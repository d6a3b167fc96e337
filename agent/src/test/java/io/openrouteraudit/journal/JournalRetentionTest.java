package io.openrouteraudit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.cli.AuditCli;
import io.openrouteraudit.config.JournalRoll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention over journals whose old cycle files were written "in the past" through the writer's
 * own queue (a settable time provider picks the cycle file), so the files are what the agent
 * would have left behind.
 */
class JournalRetentionTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @TempDir
    Path tmp;

    /** Appends {@code count} records at {@code at}; returns the seq of the last. */
    private static long appendAt(JournalWriter writer, SetTimeProvider time, Instant at, int count) throws IOException {
        time.currentTimeMillis(at.toEpochMilli());
        long seq = 0;
        for (int i = 0; i < count; i++) {
            seq = writer.append(TestRecords.record("gen-" + at.toEpochMilli() + "-" + i, 0.001));
        }
        return seq;
    }

    private static List<String> cycleFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cq4")).sorted().toList();
        }
    }

    private static ChainVerifier.Result verify(Path dir) throws IOException {
        ChainVerifier verifier = new ChainVerifier();
        try (JournalReader reader = JournalReader.open(dir)) {
            for (String line = reader.next(); line != null; line = reader.next()) {
                verifier.accept(line);
            }
        }
        return verifier.result();
    }

    /** {@code verify --dir D} as the command line runs it: exit 0 and its stdout lines. */
    private static List<String> verifyCommand(Path dir) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = AuditCli.run(new String[] {"verify", "--dir", dir.toString()});
        } finally {
            System.setOut(stdout);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        return out.lines().toList();
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void dailyFilesWhoseWholeDayIsOlderThanTheRetentionGoAndTheChainVerifiesFromTheOldestKept() throws IOException {
        Path dir = tmp.resolve("journal");
        SetTimeProvider time = new SetTimeProvider(NOW.minus(Duration.ofDays(40)));
        try (JournalWriter writer = JournalWriter.open(dir, JournalRoll.DAILY, time)) {
            appendAt(writer, time, NOW.minus(Duration.ofDays(40)), 3);          // 2026-01-29: goes
            appendAt(writer, time, NOW.minus(Duration.ofDays(31)), 2);          // 2026-02-07: goes
            long firstKept = appendAt(writer, time, NOW.minus(Duration.ofDays(30)).minus(Duration.ofHours(1)), 1);
            // 2026-02-08 11:00 is older than 30 days, but its day ends after the cutoff: kept.
            appendAt(writer, time, NOW.minus(Duration.ofDays(29)), 2);          // 2026-02-09: kept
            appendAt(writer, time, NOW, 2);                                     // today: kept
            assertEquals(List.of("20260129F.cq4", "20260207F.cq4", "20260208F.cq4", "20260209F.cq4", "20260310F.cq4"),
                    cycleFiles(dir));

            JournalRetention.Outcome outcome = writer.retireCyclesBefore(JournalRetention.cutoff(NOW, 30));

            assertNull(outcome.failure());
            assertEquals(List.of("20260129F.cq4", "20260207F.cq4"), names(outcome.deleted()));
            assertEquals(List.of("20260208F.cq4", "20260209F.cq4", "20260310F.cq4"), cycleFiles(dir));
            assertTrue(Files.exists(dir.resolve("metadata.cq4t")), "the queue's metadata stays");

            ChainVerifier.Result result = verify(dir);
            assertTrue(result.intact(), result.toString());
            assertEquals(6, result.firstSeq(), "the chain starts at the oldest kept record");
            assertEquals(6, firstKept);
            assertEquals(5, result.records());

            // The writer goes on appending to the same chain.
            assertEquals(11, appendAt(writer, time, NOW.plusSeconds(60), 1));
            // A second pass at the same time finds nothing more to delete.
            assertEquals(List.of(), writer.retireCyclesBefore(JournalRetention.cutoff(NOW, 30)).deleted());
        }
        ChainVerifier.Result after = verify(dir);
        assertTrue(after.intact(), after.toString());
        assertEquals(6, after.records());
        assertEquals(6, after.firstSeq());
        assertEquals(List.of("OK 6 records (chain starts at seq 6)"), verifyCommand(dir));

        // Reopened by another writer (another process), the chain continues from its tip.
        try (JournalWriter again = JournalWriter.open(dir, JournalRoll.DAILY)) {
            assertEquals(12, again.append(TestRecords.record("gen-after-reopen", 0.001)));
        }
        assertTrue(verify(dir).intact());
    }

    @Test
    void theNewestFileIsKeptHoweverOldItIs() throws IOException {
        Path dir = tmp.resolve("journal");
        SetTimeProvider time = new SetTimeProvider(NOW.minus(Duration.ofDays(50)));
        try (JournalWriter writer = JournalWriter.open(dir, JournalRoll.DAILY, time)) {
            appendAt(writer, time, NOW.minus(Duration.ofDays(50)), 1);
            appendAt(writer, time, NOW.minus(Duration.ofDays(40)), 2);
            // The application has been idle since: its queue's clock moves on to today.
            time.currentTimeMillis(NOW.toEpochMilli());

            JournalRetention.Outcome outcome = writer.retireCyclesBefore(JournalRetention.cutoff(NOW, 30));

            assertEquals(List.of("20260119F.cq4"), names(outcome.deleted()));
            assertEquals(List.of("20260129F.cq4"), cycleFiles(dir), "the chain's tip stays on disk");
            assertEquals(4, writer.append(TestRecords.record("gen-today", 0.001)));
        }
        ChainVerifier.Result result = verify(dir);
        assertTrue(result.intact(), result.toString());
        assertEquals(2, result.firstSeq());
        assertEquals(3, result.records());
    }

    @Test
    void hourlyFilesAreJudgedByTheirHour() throws IOException {
        Path dir = tmp.resolve("journal");
        SetTimeProvider time = new SetTimeProvider(NOW.minus(Duration.ofHours(50)));
        try (JournalWriter writer = JournalWriter.open(dir, JournalRoll.HOURLY, time)) {
            appendAt(writer, time, NOW.minus(Duration.ofHours(50)), 1);                       // goes
            appendAt(writer, time, NOW.minus(Duration.ofHours(25)), 1);                       // goes: ends 24 h ago
            appendAt(writer, time, NOW.minus(Duration.ofHours(24)).plusSeconds(1), 1);        // kept: ends after
            appendAt(writer, time, NOW, 1);

            JournalRetention.Outcome outcome = writer.retireCyclesBefore(JournalRetention.cutoff(NOW, 1));

            assertEquals(List.of("20260308-10F.cq4", "20260309-11F.cq4"), names(outcome.deleted()));
            assertEquals(List.of("20260309-12F.cq4", "20260310-12F.cq4"), cycleFiles(dir));
        }
        ChainVerifier.Result result = verify(dir);
        assertTrue(result.intact(), result.toString());
        assertEquals(3, result.firstSeq());
    }

    @Test
    void filesThatAreNotTheQueuesCyclesAreLeftAlone() throws IOException {
        Path dir = tmp.resolve("journal");
        SetTimeProvider time = new SetTimeProvider(NOW.minus(Duration.ofDays(40)));
        try (JournalWriter writer = JournalWriter.open(dir, JournalRoll.DAILY, time)) {
            appendAt(writer, time, NOW.minus(Duration.ofDays(40)), 1);
            appendAt(writer, time, NOW, 1);
            Files.writeString(dir.resolve("20260101F.cq4.bak"), "someone's copy");
            Files.writeString(dir.resolve("notes.txt"), "not a cycle");

            JournalRetention.Outcome outcome = writer.retireCyclesBefore(JournalRetention.cutoff(NOW, 30));

            assertNull(outcome.failure());
            assertEquals(List.of("20260129F.cq4"), names(outcome.deleted()));
            assertTrue(Files.exists(dir.resolve("20260101F.cq4.bak")));
            assertTrue(Files.exists(dir.resolve("notes.txt")));
            assertTrue(Files.exists(dir.resolve("metadata.cq4t")));
        }
    }

    @Test
    void aForeignCq4FileIsNeitherDeletedNorAReasonToThrow() throws IOException {
        Path dir = tmp.resolve("journal");
        SetTimeProvider time = new SetTimeProvider(NOW.minus(Duration.ofDays(40)));
        try (JournalWriter writer = JournalWriter.open(dir, JournalRoll.DAILY, time)) {
            appendAt(writer, time, NOW.minus(Duration.ofDays(40)), 1);
            appendAt(writer, time, NOW, 1);
            // Chronicle itself cannot list a directory holding this; retention must not make it worse.
            Files.writeString(dir.resolve("notes.cq4"), "not a cycle");

            JournalRetention.Outcome outcome = writer.retireCyclesBefore(JournalRetention.cutoff(NOW, 30));

            assertEquals(List.of("20260129F.cq4"), names(outcome.deleted()));
            assertTrue(Files.exists(dir.resolve("notes.cq4")));
            assertTrue(outcome.failure() != null && outcome.failure().getMessage().contains("file listing"),
                    String.valueOf(outcome.failure()));
        }
    }

    @Test
    void nothingIsDeletedWhenEverythingIsRecent() throws IOException {
        Path dir = tmp.resolve("journal");
        SetTimeProvider time = new SetTimeProvider(NOW.minus(Duration.ofDays(3)));
        List<String> before;
        try (JournalWriter writer = JournalWriter.open(dir, JournalRoll.DAILY, time)) {
            appendAt(writer, time, NOW.minus(Duration.ofDays(3)), 1);
            appendAt(writer, time, NOW, 1);
            before = new ArrayList<>(cycleFiles(dir));
            assertEquals(List.of(), writer.retireCyclesBefore(JournalRetention.cutoff(NOW, 30)).deleted());
        }
        assertEquals(before, cycleFiles(dir));
        assertEquals(1, verify(dir).firstSeq());
    }
}
