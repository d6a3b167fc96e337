package io.openrouteraudit.it;

import static io.openrouteraudit.it.JournalLoadRun.await;
import static io.openrouteraudit.it.JournalLoadRun.awaiting;
import static io.openrouteraudit.it.JournalLoadRun.calls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3 {@code fail-mode} and §7: a journal disk that is read-only or full, for real (a tmpfs
 * the test mounts), never reaches the application. With {@code open} the calls go on unchanged,
 * their spans are exported, one stderr line tells the operator, and the records of the outage
 * are written once the disk is back; with {@code closed} each call is refused with an
 * IOException before a byte leaves, until the journal can be written again.
 *
 * <p>The HMAC key comes from {@code OPENROUTER_AUDIT_HASH_KEY}: its default file lives in the
 * journal directory, and a missing key is a fault of its own, with its own line.
 */
class JournalFaultsIT extends SimulatorPerTest {

    private static final String REFUSAL =
            "IOException: openrouter-audit: the audit journal cannot be written (fail-mode=closed); request not sent";
    private static final int TMPFS_MEGABYTES = 16;


    @Test
    void readOnlyAtStartFailOpenCallsGoOnAndTheJournalCatchesUpOnceWritable() throws Exception {
        Path writable = temp.resolve("writable");
        Path done = temp.resolve("done");
        String[] steps = {calls("before", 1, 5), await(writable), calls("after", 1, 5), await(done)};
        List<String> without = withoutAgent(steps, writable, done);

        try (TinyFileSystem disk = TinyFileSystem.mount(temp.resolve("disk"), TMPFS_MEGABYTES, true);
             OtlpReceiver collector = OtlpReceiver.start(OtlpReceiver.Behaviour.ACCEPT)) {
            Path journal = disk.path().resolve("journal");
            Outcome outcome;
            try (StartedJvm app = withAgent(journal, "open", collector, steps).start()) {
                app.awaitLine(awaiting(writable));
                disk.remountWritable();
                Files.createFile(writable);
                app.awaitLine(awaiting(done));
                awaitSpans(collector, 10, app);
                // The agent's retry, every second, has opened it: a journal never opened is not
                // opened for the first time in the shutdown hook (Chronicle cannot start there).
                awaitCycleFile(journal, app);
                Files.createFile(done);
                outcome = Outcome.of(app);
            }
            assertEquals(without, outcome.stdout(), "the application printed the same with the agent");
            assertEveryCallRecordedAndSpanned(outcome.stdout(), journal, collector);
            outcome.assertOneAgentLine("Read-only file system");
        }
    }

    @Test
    void readOnlyAtStartFailClosedRefusesEachCallBeforeAByteLeavesUntilWritable() throws Exception {
        Path writable = temp.resolve("writable");
        String[] steps = {calls("refused", 1, 3), await(writable), calls("admitted", 1, 3)};
        try (TinyFileSystem disk = TinyFileSystem.mount(temp.resolve("disk"), TMPFS_MEGABYTES, true)) {
            Path journal = disk.path().resolve("journal");
            int mark = simulator.exchangeCount();
            Outcome outcome;
            try (StartedJvm app = withAgent(journal, "closed", null, steps).start()) {
                List<String> before = app.awaitLine(awaiting(writable));
                assertEquals(List.of("refused 0 0 " + REFUSAL, "refused 0 1 " + REFUSAL, "refused 0 2 " + REFUSAL),
                        before.subList(0, 3), app.describe());
                assertEquals(List.of(), simulator.exchangesSince(mark), "no refused call reached the server");
                disk.remountWritable();
                Files.createFile(writable);
                outcome = Outcome.of(app);
            }
            List<String> admitted = JournalLoadRun.completedGenerationIds(outcome.stdout());
            assertEquals(3, admitted.size(), "once writable, calls go through\n" + outcome.stdout());
            ExportedJournal exported = ExportedJournal.read(journal).assertWellFormed(JournalLoadRun.CLIENT);
            assertEquals(admitted, JournalLoadRun.generationIds(exported.records()));
            outcome.assertOneAgentLine("Read-only file system");
        }
    }

    @Test
    void diskFullMidRunFailOpenCallsGoOnAndTheOutagesRecordsAreWrittenWhenRoomReturns() throws Exception {
        Path full = temp.resolve("full");
        Path room = temp.resolve("room");
        Path done = temp.resolve("done");
        String[] steps = {calls("before", 1, 10), await(full), calls("during", 4, 5), await(room),
                calls("after", 1, 10), await(done)};
        List<String> without = sorted(withoutAgent(steps, full, room, done));

        try (TinyFileSystem disk = TinyFileSystem.mount(temp.resolve("disk"), TMPFS_MEGABYTES, false);
             OtlpReceiver collector = OtlpReceiver.start(OtlpReceiver.Behaviour.ACCEPT)) {
            Path journal = disk.path().resolve("journal");
            Outcome outcome;
            try (StartedJvm app = withAgent(journal, "open", collector, steps).start()) {
                app.awaitLine(awaiting(full));
                disk.fill();
                Files.createFile(full);
                app.awaitLine(awaiting(room));
                disk.drain();
                Files.createFile(room);
                app.awaitLine(awaiting(done));
                awaitSpans(collector, 40, app);
                Files.createFile(done);
                outcome = Outcome.of(app);
            }
            // The four threads of "during" print in their own order: compare as sets of lines.
            assertEquals(without, sorted(outcome.stdout()), "the application printed the same with the agent");
            assertEveryCallRecordedAndSpanned(outcome.stdout(), journal, collector);
            outcome.assertOneAgentLine("no room on the journal's file system");
        }
    }

    @Test
    void diskFullMidRunFailClosedRefusesNewCallsUntilRoomReturns() throws Exception {
        Path full = temp.resolve("full");
        Path room = temp.resolve("room");
        String[] steps = {calls("before", 1, 5), await(full), calls("refused", 2, 3), await(room),
                calls("after", 1, 5)};
        try (TinyFileSystem disk = TinyFileSystem.mount(temp.resolve("disk"), TMPFS_MEGABYTES, false)) {
            Path journal = disk.path().resolve("journal");
            Outcome outcome;
            int mark;
            try (StartedJvm app = withAgent(journal, "closed", null, steps).start()) {
                app.awaitLine(awaiting(full));
                mark = simulator.exchangeCount();
                disk.fill();
                Files.createFile(full);
                List<String> during = app.awaitLine(awaiting(room));
                assertEquals(List.of(), simulator.exchangesSince(mark), "no refused call reached the server");
                List<String> refused = during.stream().filter(l -> l.startsWith("refused ")).toList();
                assertEquals(6, refused.size(), app.describe());
                refused.forEach(l -> assertTrue(l.endsWith(" " + REFUSAL), l));
                disk.drain();
                Files.createFile(room);
                outcome = Outcome.of(app);
            }
            List<String> admitted = JournalLoadRun.completedGenerationIds(outcome.stdout());
            assertEquals(10, admitted.size(), "before the disk filled and after it had room again\n" + outcome.stdout());
            ExportedJournal exported = ExportedJournal.read(journal).assertWellFormed(JournalLoadRun.CLIENT);
            assertEquals(admitted, JournalLoadRun.generationIds(exported.records()));
            outcome.assertOneAgentLine("no room on the journal's file system");
        }
    }

    /**
     * chmod stops no root process; a read-only bind mount over the directory does stop new files.
     * The agent's cycle file is open and mapped already, and the kernel lets a mapping that was
     * writable stay writable: the journal simply goes on, nothing to report, nothing lost.
     */
    @Test
    void directoryMadeReadOnlyMidRunLeavesTheOpenJournalWritingAndLosesNothing() throws Exception {
        Path readOnly = temp.resolve("read-only");
        Path writable = temp.resolve("writable");
        String[] steps = {calls("before", 1, 5), await(readOnly), calls("during", 1, 5), await(writable),
                calls("after", 1, 5)};
        List<String> without = withoutAgent(steps, readOnly, writable);
        Path journal = temp.resolve("journal");
        Outcome outcome;
        try (StartedJvm app = withAgent(journal, "open", null, steps).start()) {
            app.awaitLine(awaiting(readOnly));
            try (ReadOnlyBindMount bind = ReadOnlyBindMount.over(journal)) {
                assertThrows(IOException.class, () -> Files.createFile(journal.resolve("probe")),
                        "the journal directory is read-only now, even for root");
                Files.createFile(readOnly);
                app.awaitLine(awaiting(writable));
            }
            Files.createFile(writable);
            outcome = Outcome.of(app);
        }
        assertEquals(without, outcome.stdout());
        ExportedJournal exported = ExportedJournal.read(journal).assertWellFormed(JournalLoadRun.CLIENT);
        JournalLoadRun.assertSameDistinctIds(JournalLoadRun.completedGenerationIds(outcome.stdout()),
                JournalLoadRun.generationIds(exported.records()), "every call is in the journal");
        assertEquals("", outcome.stderr());
    }

    /** How the application ran: its stdout lines and stderr, after it exited 0. */
    private record Outcome(List<String> stdout, String stderr) {

        static Outcome of(StartedJvm app) throws InterruptedException {
            assertEquals(0, app.awaitExit().exitCode(), app.describe());
            return new Outcome(app.lines(), app.stderr());
        }

        /** Exactly one line on stderr, the agent's, naming the journal and the cause. */
        void assertOneAgentLine(String cause) {
            List<String> lines = stderr.lines().toList();
            assertEquals(1, lines.size(), "one line for the whole outage, not one per call:\n" + stderr);
            String line = lines.get(0);
            assertTrue(line.startsWith("openrouter-audit: records cannot be written to the journal in ")
                    && line.contains(cause), line);
        }
    }

    private List<String> withoutAgent(String[] steps, Path... awaitedFiles) throws IOException {
        for (Path file : awaitedFiles) {
            Files.createFile(file);
        }
        ForkedJvmResult run = JournalLoadRun.withoutAgent(TestJdk.JDK_17, simulator, steps).run().assertExitCode(0);
        for (Path file : awaitedFiles) {
            Files.delete(file);
        }
        return run.stdoutLines();
    }

    private ForkedJvm withAgent(Path journal, String failMode, OtlpReceiver collectorOrNull, String... steps) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("openrouter.audit.fail-mode", failMode);
        if (collectorOrNull != null) {
            properties.put("openrouter.audit.otel.enabled", "true");
            properties.put("otel.exporter.otlp.endpoint", collectorOrNull.endpoint());
            properties.put("otel.exporter.otlp.protocol", "http/protobuf");
            properties.put("otel.metrics.exporter", "none");
            properties.put("otel.bsp.schedule.delay", "100");
        }
        return JournalLoadRun.withAgent(TestJdk.JDK_17, simulator, journal, properties, steps)
                .environment("OPENROUTER_AUDIT_HASH_KEY", "journal-faults-it-hash-key-0123456789abcdef")
                .environment("OTEL_EXPORTER_OTLP_ENDPOINT", null)
                .environment("OTEL_TRACES_EXPORTER", null);
    }

    /** Every call the application printed is in the verified journal once, and has its span. */
    private static void assertEveryCallRecordedAndSpanned(List<String> stdout, Path journal, OtlpReceiver collector) {
        List<String> printed = JournalLoadRun.completedGenerationIds(stdout);
        assertEquals(List.of(), JournalLoadRun.failedCalls(stdout), "no call failed");
        ExportedJournal exported = ExportedJournal.read(journal).assertWellFormed(JournalLoadRun.CLIENT);
        JournalLoadRun.assertSameDistinctIds(printed, JournalLoadRun.generationIds(exported.records()),
                "every call is in the journal: the outage's records were kept and written once the disk was back");
        JournalLoadRun.assertSameDistinctIds(printed, spanResponseIds(collector.spans()),
                "every call has its span, the outage's too");
    }

    /** Waits (bounded) until the collector has {@code count} spans: they are sent in batches. */
    private static void awaitSpans(OtlpReceiver collector, int count, StartedJvm app) throws InterruptedException {
        long deadline = System.nanoTime() + ForkedJvm.DEFAULT_TIMEOUT.toNanos();
        while (collector.spans().size() < count) {
            if (System.nanoTime() > deadline) {
                fail("the collector got " + collector.spans().size() + " of " + count + " spans\n" + app.describe());
            }
            Thread.sleep(50);
        }
    }

    private static void awaitCycleFile(Path journal, StartedJvm app) throws InterruptedException {
        long deadline = System.nanoTime() + ForkedJvm.DEFAULT_TIMEOUT.toNanos();
        while (!hasCycleFile(journal)) {
            if (System.nanoTime() > deadline) {
                fail("the agent did not open the journal in " + journal + " once it was writable\n" + app.describe());
            }
            Thread.sleep(50);
        }
    }

    private static boolean hasCycleFile(Path journal) {
        try (Stream<Path> files = Files.list(journal)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".cq4"));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> spanResponseIds(List<Span> spans) {
        List<String> ids = new ArrayList<>();
        for (Span span : spans) {
            for (KeyValue attribute : span.getAttributesList()) {
                if (attribute.getKey().equals("gen_ai.response.id")) {
                    ids.add(attribute.getValue().getStringValue());
                }
            }
        }
        return ids;
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
