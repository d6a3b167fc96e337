package io.openrouteraudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.journal.JournalWriter;
import io.openrouteraudit.journal.StoredRecordFields;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tail}: the newest records, and with {@code --follow} every record appended afterwards, once. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TailCommandTest {

    private static final long WAIT_MILLIS = 20_000;

    @TempDir
    Path tmp;

    private Path journalOf(int records) throws IOException {
        Path dir = tmp.resolve("journal");
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            for (int i = 1; i <= records; i++) {
                w.append(ChosenRecord.at("2026-11-23T10:00:00.000Z").cost(0.001 * i).build());
            }
        }
        return dir;
    }

    private static List<Long> seqs(List<String> lines) {
        List<Long> seqs = new ArrayList<>();
        for (String line : lines) {
            seqs.add(StoredRecordFields.seqOf(line));
        }
        return seqs;
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void tailPrintsTheNewestTenByDefaultOldestFirstAsStored() throws IOException {
        Path dir = journalOf(25);
        CliRun run = CliRun.of("tail", "--dir", dir.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        assertEquals(range(16, 25), seqs(run.outLines()));
        List<String> exported = CliRun.of("export", "--dir", dir.toString()).outLines();
        assertEquals(exported.subList(15, 25), run.outLines(), "the stored lines, byte for byte");
    }

    @Test
    void tailDashNPrintsExactlyThatManyNewest() throws IOException {
        Path dir = journalOf(25);
        assertEquals(range(23, 25), seqs(CliRun.of("tail", "--dir", dir.toString(), "-n", "3").outLines()));
        assertEquals(range(25, 25), seqs(CliRun.of("tail", "--dir", dir.toString(), "-n", "1").outLines()));
        assertEquals(range(1, 25), seqs(CliRun.of("tail", "--dir", dir.toString(), "-n", "25").outLines()));
        CliRun none = CliRun.of("tail", "--dir", dir.toString(), "-n", "0");
        assertEquals(0, none.exit(), none.err());
        assertEquals("", none.out());
    }

    @Test
    void tailDashNLargerThanTheJournalPrintsEveryRecord() throws IOException {
        Path dir = journalOf(4);
        CliRun run = CliRun.of("tail", "--dir", dir.toString(), "-n", "1000");
        assertEquals(0, run.exit(), run.err());
        assertEquals(range(1, 4), seqs(run.outLines()));
    }

    /** {@code tail --follow} on a thread of its own, stoppable by a flag, with its output readable meanwhile. */
    private static final class Follow {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(); // synchronized
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();
        private final Thread thread;

        Follow(String... args) {
            thread = new Thread(() -> {
                try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                     PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                    exit.complete(new TailCommand(stop::get).run(List.of(args), o, e));
                } catch (Throwable t) {
                    exit.completeExceptionally(t);
                }
            }, "tail-follow");
            thread.setDaemon(true);
            thread.start();
        }

        List<String> lines() {
            String text = out.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }

        List<String> awaitLines(int n) throws InterruptedException {
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (lines().size() < n && System.currentTimeMillis() < deadline && !exit.isDone()) {
                Thread.sleep(20);
            }
            List<String> lines = lines();
            assertEquals(n, lines.size(), "lines so far: " + seqs(lines) + "; stderr: " + err);
            return lines;
        }

        int stop() throws Exception {
            stop.set(true);
            return exit.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void followPrintsEveryRecordAnotherWriterAppendsAfterTheStartOnceAndInOrder() throws Exception {
        Path dir = journalOf(5);
        Follow follow = new Follow("--dir", dir.toString(), "-n", "2", "--follow");
        assertEquals(range(4, 5), seqs(follow.awaitLines(2)));

        // Another writer instance on the same directory, as another process would be, on its own thread.
        CompletableFuture<Void> appends = CompletableFuture.runAsync(() -> {
            try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
                for (int i = 0; i < 60; i++) {
                    w.append(ChosenRecord.at("2026-11-23T11:00:00.000Z").build());
                    if (i % 7 == 0) {
                        Thread.sleep(TailCommand.POLL_MILLIS + 30); // let the follower go idle in between
                    }
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        appends.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);

        follow.awaitLines(62);
        Thread.sleep(3 * TailCommand.POLL_MILLIS);
        assertEquals(0, follow.stop());
        assertEquals(range(4, 65), seqs(follow.lines()), "no record twice, none skipped");
        assertEquals("", follow.err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void followStartedWhileAnotherWriterIsAppendingMissesNothing() throws Exception {
        Path dir = journalOf(3);
        CompletableFuture<Void> appends = CompletableFuture.runAsync(() -> {
            try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
                for (int i = 0; i < 500; i++) {
                    w.append(ChosenRecord.at("2026-11-23T11:00:00.000Z").build());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Follow follow = new Follow("--dir", dir.toString(), "-n", "1", "--follow");
        appends.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (follow.lines().isEmpty() || StoredRecordFields.seqOf(last(follow.lines())) < 503) {
            assertTrue(System.currentTimeMillis() < deadline, "reached seq 503: " + follow.lines().size());
            Thread.sleep(20);
        }
        assertEquals(0, follow.stop());
        List<Long> seqs = seqs(follow.lines());
        long first = seqs.get(0);
        assertEquals(range(first, 503), seqs, "one run without gaps or repeats, up to the last record");
    }

    private static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }

    @Test
    void followCarriesOnAcrossTheDailyRollWithoutRepeatsOrGaps() throws Exception {
        Path dir = tmp.resolve("rolling");
        // Chronicle's roll follows its clock, not the records' timestamps: drive it from one second
        // before the last UTC midnight (both cycles lie in the past, as they would for a real journal).
        Instant midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
        SetTimeProvider clock = new SetTimeProvider(midnight.minusSeconds(1));
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY)
                .timeProvider(clock).build();
             ExcerptAppender appender = queue.createAppender()) {
            for (int seq = 1; seq <= 3; seq++) {
                write(appender, seq);
            }
            Follow follow = new Follow("--dir", dir.toString(), "--follow");
            assertEquals(range(1, 3), seqs(follow.awaitLines(3)));

            write(appender, 4);
            assertEquals(range(1, 4), seqs(follow.awaitLines(4)));

            clock.advanceMillis(2_000); // past midnight: the next record opens the next day's file
            for (int seq = 5; seq <= 8; seq++) {
                write(appender, seq);
            }
            assertEquals(2, cycleFiles(dir), "the journal rolled");
            follow.awaitLines(8);
            write(appender, 9);
            follow.awaitLines(9);
            Thread.sleep(3 * TailCommand.POLL_MILLIS);
            assertEquals(0, follow.stop());
            assertEquals(range(1, 9), seqs(follow.lines()));
        }
    }

    private static void write(ExcerptAppender appender, long seq) {
        try (DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().write(("{\"schema\":1,\"seq\":" + seq + ",\"status\":\"success\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private static long cycleFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".cq4")).count();
        }
    }

    @Test
    void followEndsWhenItsThreadIsInterrupted() throws Exception {
        Path dir = journalOf(2);
        Follow follow = new Follow("--dir", dir.toString(), "--follow");
        follow.awaitLines(2);
        follow.thread.interrupt();
        assertEquals(0, follow.exit.get(5, TimeUnit.SECONDS));
        follow.thread.join(2_000);
        assertFalse(follow.thread.isAlive());
    }

    @Test
    void followOfAMissingJournalIsOneLineAndExit1() {
        CliRun run = CliRun.of("tail", "--dir", tmp.resolve("nothing").toString(), "--follow");
        assertEquals(1, run.exit());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("openrouter-audit: tail: no journal in "), run.err());
    }
}
