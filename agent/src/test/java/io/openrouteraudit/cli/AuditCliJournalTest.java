package io.openrouteraudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.journal.JournalWriter;
import io.openrouteraudit.journal.StoredRecordFields;
import io.openrouteraudit.openrouter.Routing;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export and verify over a real journal written by the agent's own writer. */
class AuditCliJournalTest {

    private static final String[] GENERATION_IDS = {
        "gen-1763892000-FirstRecordAAAAAAAAA",
        "gen-1763978400-SecondRecordBBBBBBBB",
        "gen-1764064800-ThirdRecordCCCCCCCCC",
    };
    private static final Instant[] TIMESTAMPS = {
        Instant.parse("2026-11-21T10:00:00.000Z"),
        Instant.parse("2026-11-22T10:00:00.000Z"),
        Instant.parse("2026-11-23T10:00:00.000Z"),
    };
    private static final double[] COSTS = {0.0011, 0.0022, 0.0033};

    @TempDir
    Path tmp;
    private Path dir;

    static AuditRecord record(Instant timestamp, String generationId, double cost) {
        return new AuditRecord(timestamp, generationId, "jdk-httpclient", "POST", "/api/v1/chat/completions",
                "openai/gpt-4o", "openai/gpt-4o", "OpenAI", false, 200, "success", null, "stop",
                18L, 3L, null, 0L, cost, 412L, null, "[EMAIL]", "Audit Test App", null, "0123456789ab",
                "a".repeat(64), "b".repeat(64), Map.of("EMAIL", 1), false, null, Routing.none(), List.of(),
                null, null, null, null);
    }

    @BeforeEach
    void writeThreeRecords() throws IOException {
        dir = tmp.resolve("journal");
        try (JournalWriter writer = JournalWriter.open(dir, JournalRoll.DAILY)) {
            for (int i = 0; i < 3; i++) {
                writer.append(record(TIMESTAMPS[i], GENERATION_IDS[i], COSTS[i]));
            }
        }
    }

    private static void assertCompleteJson(String line) {
        try (JsonParser p = new JsonFactory().createParser(line)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken(), line);
            p.skipChildren();
            assertEquals(null, p.nextToken(), "one object per line: " + line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static List<Long> seqs(CliRun run) {
        List<Long> seqs = new ArrayList<>();
        for (String line : run.outLines()) {
            assertCompleteJson(line);
            seqs.add(StoredRecordFields.seqOf(line));
        }
        return seqs;
    }

    @Test
    void exportPrintsEveryRecordAsOneJsonLineInSeqOrder() {
        CliRun run = CliRun.of("export", "--dir", dir.toString());

        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        assertEquals(List.of(1L, 2L, 3L), seqs(run));
        for (int i = 0; i < 3; i++) {
            String line = run.outLines().get(i);
            assertEquals(GENERATION_IDS[i], StoredRecordFields.memberOf(line, "generation_id"));
            assertEquals("2026-11-2" + (i + 1) + "T10:00:00.000Z", StoredRecordFields.memberOf(line, "timestamp"));
            assertEquals(1L, StoredRecordFields.memberOf(line, "schema"));
            assertEquals(COSTS[i], StoredRecordFields.memberOf(line, "total_cost"));
            assertTrue(line.contains("\"record_hash\":\""), line);
        }
    }

    @Test
    void exportSinceKeepsRecordsAtOrAfterTheDate() {
        CliRun run = CliRun.of("export", "--dir", dir.toString(), "--since", "2026-11-22");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of(2L, 3L), seqs(run));
    }

    @Test
    void exportSinceAnExactTimestampIncludesThatRecord() {
        CliRun run = CliRun.of("export", "--dir", dir.toString(), "--since", "2026-11-22T10:00:00Z");
        assertEquals(List.of(2L, 3L), seqs(run));
        CliRun later = CliRun.of("export", "--dir", dir.toString(), "--since=2026-11-22T10:00:00.001Z");
        assertEquals(List.of(3L), seqs(later));
    }

    @Test
    void exportUntilKeepsRecordsBeforeTheDate() {
        CliRun run = CliRun.of("export", "--dir", dir.toString(), "--until", "2026-11-23");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of(1L, 2L), seqs(run));
    }

    @Test
    void exportSinceAndUntilTogetherGiveTheWindow() {
        CliRun run = CliRun.of("export", "--dir", dir.toString(), "--since", "2026-11-22", "--until",
                "2026-11-22T23:59:59+00:00");
        assertEquals(List.of(2L), seqs(run));
    }

    @Test
    void exportOfAnEmptyWindowPrintsNothingAndSucceeds() {
        CliRun run = CliRun.of("export", "--dir", dir.toString(), "--since", "2027-01-01");
        assertEquals(0, run.exit());
        assertEquals("", run.out());
        assertEquals("", run.err());
    }

    @Test
    void verifyOfAnIntactJournalSaysOkWithTheCount() {
        CliRun run = CliRun.of("verify", "--dir", dir.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals("OK 3 records", run.outLines().get(0));
        assertEquals("", run.err());
    }

    @Test
    void verifyAfterOneStoredByteWasChangedOnDiskExits1AndNamesThatSeq() throws IOException {
        tamper(GENERATION_IDS[1], "gen-1763978400-SecondRecordBBBBBBBB".replace("Second", "Sekond"));

        CliRun run = CliRun.of("verify", "--dir", dir.toString());

        assertEquals(1, run.exit(), run.out() + run.err());
        String report = run.out() + run.err();
        assertTrue(report.contains("seq 2"), report);
        assertFalse(report.contains("seq 1"), report);
        assertFalse(report.startsWith("OK"), report);
    }

    @Test
    void verifyNamesTheLastRecordWhenOnlyItsCostWasChanged() throws IOException {
        // An edited amount is exactly what the chain must catch.
        tamper("\"total_cost\":0.0033,", "\"total_cost\":0.0003,");

        CliRun run = CliRun.of("verify", "--dir", dir.toString());

        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue((run.out() + run.err()).contains("seq 3"), run.out() + run.err());
    }

    @Test
    void exportStillShowsWhatIsOnDiskAfterTampering() throws IOException {
        tamper(GENERATION_IDS[0], GENERATION_IDS[0].replace("First", "Forst"));
        CliRun run = CliRun.of("export", "--dir", dir.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals("gen-1763892000-ForstRecordAAAAAAAAA",
                StoredRecordFields.memberOf(run.outLines().get(0), "generation_id"));
    }

    private void tamper(String original, String replacement) throws IOException {
        JournalFiles.replaceOnce(dir, original, replacement);
    }
}
