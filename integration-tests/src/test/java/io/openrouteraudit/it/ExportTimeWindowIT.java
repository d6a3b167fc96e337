package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --since/--until} (SPEC §5) select exactly the records whose timestamp is at or after
 * the start and before the end, in JSON lines and in CSV, on a journal written through the agent's own
 * writer with timestamps on and next to the bounds, one of them out of time order.
 */
class ExportTimeWindowIT {

    /** In journal order; the last one is earlier than the two before it, as a concurrent call's can be. */
    private static final List<Instant> TIMESTAMPS = List.of(
            Instant.parse("2026-11-20T23:59:59.999Z"),
            Instant.parse("2026-11-21T00:00:00.000Z"),
            Instant.parse("2026-11-21T12:00:00.000Z"),
            Instant.parse("2026-11-22T09:59:59.999Z"),
            Instant.parse("2026-11-22T10:00:00.000Z"),
            Instant.parse("2026-11-23T00:00:00.000Z"),
            Instant.parse("2026-11-21T06:00:00.000Z"));

    @TempDir
    static Path temp;
    private static Path journal;
    private static List<String> allLines;

    @BeforeAll
    static void writeJournal() {
        journal = temp.resolve("journal");
        FixtureJournal.write(TimestampedJournalFixture.class, journal,
                TIMESTAMPS.stream().map(Instant::toString).toArray(String[]::new));
        ExportedJournal exported = ExportedJournal.read(journal);
        assertEquals(TIMESTAMPS.size(), exported.records().size());
        for (int i = 0; i < TIMESTAMPS.size(); i++) {
            assertEquals(TIMESTAMPS.get(i), Instant.parse(JsonFields.text(exported.records().get(i), "timestamp")));
        }
        allLines = AgentCli.export(journal).stdoutLines();
    }

    /** since,until as given on the command line (empty: not given), and the same instants for the test. */
    @ParameterizedTest(name = "--since {0} --until {1}")
    @CsvSource(nullValues = "-", value = {
        "2026-11-21, -, 2026-11-21T00:00:00Z, -",
        "-, 2026-11-22T10:00:00Z, -, 2026-11-22T10:00:00Z",
        "2026-11-21, 2026-11-22T10:00:00Z, 2026-11-21T00:00:00Z, 2026-11-22T10:00:00Z",
        "2026-11-21T12:00:00.000+02:00, -, 2026-11-21T10:00:00Z, -",
        "-, 2026-11-21T00:00:00, -, 2026-11-21T00:00:00Z",
        "2026-11-22T09:59:59.999Z, 2026-11-22T10:00:00.001Z, 2026-11-22T09:59:59.999Z, 2026-11-22T10:00:00.001Z",
        "2026-11-24, -, 2026-11-24T00:00:00Z, -",
    })
    void exactlyTheRecordsInsideTheWindowAreExported(String since, String until, Instant from, Instant to) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < TIMESTAMPS.size(); i++) {
            Instant t = TIMESTAMPS.get(i);
            if ((from == null || !t.isBefore(from)) && (to == null || t.isBefore(to))) {
                expected.add(i);
            }
        }
        List<String> window = new ArrayList<>();
        if (since != null) {
            window.addAll(List.of("--since", since));
        }
        if (until != null) {
            window.addAll(List.of("--until", until));
        }

        List<String> jsonl = export(window, "jsonl").stdoutLines();
        assertEquals(expected.stream().map(allLines::get).toList(), jsonl, "the stored lines inside the window");

        List<List<StrictCsv.Cell>> csv = StrictCsv.parse(export(window, "csv").stdout());
        int idColumn = ExportedJournal.RECORD_KEYS.indexOf("generation_id");
        assertEquals(expected.stream().map(i -> TimestampedJournalFixture.generationId(i + 1)).toList(),
                csv.subList(1, csv.size()).stream().map(row -> row.get(idColumn).value()).toList(),
                "the CSV rows inside the window");
    }

    private static ForkedJvmResult export(List<String> window, String format) {
        List<String> args = new ArrayList<>(List.of("export", "--dir", journal.toString(), "--format", format));
        args.addAll(window);
        ForkedJvmResult result = AgentCli.run(args.toArray(String[]::new)).assertExitCode(0);
        assertEquals("", result.stderr(), result.describe());
        return result;
    }

}
