package io.openrouteraudit.it;

import static io.openrouteraudit.it.JsonFields.integer;
import static io.openrouteraudit.it.JsonFields.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrouteraudit.apps.JdkClientApp;
import io.openrouteraudit.sim.RecordedExchange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every start has an end (ARCHITECTURE.md): calls the application cancels, or whose response it
 * takes and never reads nor closes, are recorded exactly once - cancelled, or incomplete when
 * the response becomes unreachable or at shutdown. Timeouts are proven with the hostile
 * servers ({@link HostileServersIT}) and in {@link JdkHttpClientErrorsIT} and {@link OkHttpClientAppIT},
 * OkHttp's cancel and its unread body at shutdown in {@link OkHttpClientAppIT}.
 */
class EveryStartHasAnEndIT extends SimulatorPerClass {

    private static final String DROPPED = "body dropped unread and open";
    /** Rounds of 100 ms: the application's own patience (60 s). */
    private static final int JOURNAL_ROUNDS = 600;

    private final AgentComparison comparison = new AgentComparison(simulator);

    /**
     * The JDK HttpClient: a call cancelled through its future, and a stream taken as an
     * InputStream and dropped. The JDK's client keeps a dropped response reachable from its
     * selector thread for as long as the body has not ended, so that one ends at shutdown.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void jdkHttpClientCancelledAndNeverReadCallsAreRecordedOnce(TestJdk jdk, @TempDir Path temp) {
        ComparedRuns runs = comparison.run(jdk, temp.resolve("journal"), AppClassPath.apps(), JdkClientApp.class,
                List.of(simulator.baseUrl(), "sync-send", "cancel-async", "never-read"));
        runs.assertApplicationUnchanged();
        List<String> transcript = runs.withAgent().process().stdoutLines();
        assertTrue(transcript.containsAll(List.of("cancelled: true", "body left unread and open", "== end")),
                () -> runs.withAgent().process().describe());

        ExportedJournal journal = JdkClientAppAudit.verifiedJournal(runs);
        List<RecordedExchange> audited = runs.withAgent().auditedExchanges();
        Map<String, JsonNode> records = HostileServerRecords.assertOneRecordEach(journal, audited,
                Map.of("sync-send", "success", "cancel-async", "cancelled", "never-read", "incomplete"));
        JsonNode neverRead = records.get("never-read");
        assertEquals(200, integer(neverRead, "http_status"), () -> "the head arrived: " + neverRead);
        String sentId = audited.stream().filter(e -> RecordPairing.label(e).equals("never-read")).findFirst()
                .orElseThrow().response().headers().get("X-Generation-Id");
        assertEquals(sentId, text(neverRead, "generation_id"), () -> "generation_id of the head: " + neverRead);
        assertEquals(null, integer(records.get("cancel-async"), "http_status"), "no head arrived before the cancel");
    }

    /**
     * OkHttp: the application takes a response, drops it unread and unclosed, and keeps running
     * while it collects garbage. The record must appear while it still runs - ended because the
     * body became unreachable, not at shutdown - and the shutdown must not add a second one.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void okHttpBodyDroppedUnreadIsRecordedOnceWhenCollectedNotAtExit(TestJdk jdk, @TempDir Path temp)
            throws Exception {
        Path journalDir = temp.resolve("journal");
        Path stopFile = temp.resolve("stop");
        LibraryApp app = LibraryApp.OKHTTP_4;
        ForkedJvm jvm = ForkedJvm.mainClass(jdk, app.classPath(), app.mainClass())
                .javaAgent(AgentJar.require())
                .systemProperties(AuditConfiguration.systemProperties(journalDir))
                .systemProperty("apps.stop-file", stopFile.toString())
                .timeout(LibraryAppRuns.FORK_TIMEOUT)
                .args(simulator.baseUrl(), "unread-body-collected");
        try (StartedJvm application = jvm.start()) {
            application.awaitLine(DROPPED);
            awaitJournalFile(journalDir, application);
            JsonNode record;
            try (StartedJvm tail = AgentCli.start("tail", "--dir", journalDir.toString(), "--follow")) {
                record = new ObjectMapper().readTree(tail.awaitLines(1).get(0));
            }
            assertTrue(application.isAlive(), "the record came while the application still ran");
            assertFalse(application.lines().contains("told to stop"), "the application was not told to stop yet");
            assertEquals("incomplete", text(record, "status"), () -> "status of a body dropped unread: " + record);
            assertEquals(200, integer(record, "http_status"), () -> "http_status: " + record);

            Files.createFile(stopFile);
            assertEquals(0, application.awaitExit().exitCode(), application::describe);
            assertTrue(application.lines().containsAll(List.of("told to stop", "== end")), application::describe);
        }
        ExportedJournal journal = ExportedJournal.read(journalDir).assertWellFormed(OkHttpClientAppIT.CLIENT);
        assertEquals(1, journal.records().size(), () -> "one record, none added at shutdown: " + journal.records());
    }

    /**
     * Waits, in rounds bounded by the application's own patience, until the journal has its
     * first file: it is made with the first record.
     */
    private static void awaitJournalFile(Path journalDir, StartedJvm application) throws Exception {
        for (int round = 0; round < JOURNAL_ROUNDS; round++) {
            if (Files.isDirectory(journalDir)) {
                try (Stream<Path> files = Files.list(journalDir)) {
                    if (files.anyMatch(f -> f.getFileName().toString().endsWith(".cq4"))) {
                        return;
                    }
                }
            }
            assertTrue(application.isAlive(), () -> "the application ended with no journal\n" + application.describe());
            Thread.sleep(100);
        }
        fail("no journal file in " + journalDir + " while the application collected garbage\n"
                + application.describe());
    }
}
