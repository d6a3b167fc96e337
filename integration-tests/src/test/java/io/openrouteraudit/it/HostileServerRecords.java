package io.openrouteraudit.it;

import static io.openrouteraudit.it.JsonFields.bool;
import static io.openrouteraudit.it.JsonFields.integer;
import static io.openrouteraudit.it.JsonFields.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.sim.RecordedExchange;
import io.openrouteraudit.sim.SimulatedBehaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks every hostile-server run shares, whatever the client: the application unchanged by
 * the agent and never out of memory, and exactly one record per exchange the simulator served,
 * with the status that fits what the server did (SPEC §4, §7).
 */
final class HostileServerRecords {

    /** The application's heap: a 100 MB body held whole by anyone would not fit twice. */
    static final List<String> SMALL_HEAP = List.of("-Xmx256m");
    /** The transcript line of a 100 MB body read to its end. */
    static final String HUGE_BODY_READ = "body " + SimulatedBehaviour.HUGE_BODY_BYTES + " bytes sha256 ";

    private HostileServerRecords() {
    }

    /** The same transcript and requests with and without the agent, and no OutOfMemoryError in either. */
    static void assertApplicationUnchanged(ComparedRuns runs) {
        runs.assertApplicationUnchanged();
        for (AppRun run : List.of(runs.withoutAgent(), runs.withAgent())) {
            assertFalse(run.process().stderr().contains("OutOfMemoryError"), () -> "out of memory\n"
                    + run.process().describe());
            assertTrue(run.process().stdoutLines().contains("== end"), () -> "the application did not run to its end\n"
                    + run.process().describe());
        }
    }

    /**
     * Exactly one record per audited exchange (paired by generation id, else model), each with
     * the status named for its call label, and no record beyond them.
     *
     * @param statusByLabel the expected {@code status} of each call, by the label its prompt carries
     * @return the record of each label, for further checks
     */
    static Map<String, JsonNode> assertOneRecordEach(ExportedJournal journal, List<RecordedExchange> audited,
                                                      Map<String, String> statusByLabel) {
        RecordPairing pairing = RecordPairing.of(journal.records(), audited);
        List<String> problems = new ArrayList<>(pairing.problems());
        Map<String, JsonNode> byLabel = new java.util.LinkedHashMap<>();
        for (RecordedExchange exchange : audited) {
            String label = RecordPairing.label(exchange);
            if (pairing.problems().isEmpty()) {
                JsonNode record = pairing.recordOf(exchange);
                byLabel.put(label, record);
                String expected = statusByLabel.get(label);
                if (expected == null) {
                    problems.add("an exchange of no expected call: " + label + " " + record);
                } else if (!expected.equals(text(record, "status"))) {
                    problems.add(label + ": status " + text(record, "status") + ", expected " + expected
                            + "; record " + record);
                }
            }
        }
        assertEquals(statusByLabel.keySet(), new java.util.HashSet<>(byLabel.keySet()),
                () -> "calls with an exchange at the simulator; problems: " + problems);
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        return byLabel;
    }

    /** The 100 MB body's record: read to the end by the application, journaled as truncated. */
    static void assertHugeBody(JsonNode record) {
        assertEquals(Boolean.TRUE, bool(record, "truncated"), () -> "truncated of a 100 MB body: " + record);
        assertEquals(200, integer(record, "http_status"), () -> "http_status: " + record);
    }

    /** One line per fault for the note: the call, what the application saw, the record's status. */
    static void report(String client, ComparedRuns runs, Map<String, JsonNode> records) {
        List<String> transcript = runs.withAgent().process().stdoutLines();
        for (Map.Entry<String, JsonNode> entry : records.entrySet()) {
            JsonNode r = entry.getValue();
            System.out.println("[hostile] " + client + " " + entry.getKey() + ": status=" + text(r, "status")
                    + " error_code=" + text(r, "error_code") + " http_status=" + integer(r, "http_status")
                    + " truncated=" + bool(r, "truncated"));
        }
        transcript.stream().filter(l -> l.startsWith("== ") || l.startsWith("exception ") || l.startsWith("body "))
                .forEach(l -> System.out.println("[hostile] " + client + " app saw: " + l));
    }
}
