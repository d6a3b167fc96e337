package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrouteraudit.sim.OpenRouterSimulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --format csv} (SPEC §5) of a journal from a real agent run holds the same records
 * with the same values as the JSON lines export: a header row of every record key, RFC 4180
 * quoting (a user id with a comma and quotes, prompts with CR LF, JSON objects), null as an
 * empty field.
 */
class CsvExportMatchesJsonlExportIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void csvHasAHeaderRowAndTheRecordsAndValuesOfTheJsonlExport() throws IOException {
        Path journal = temp.resolve("journal");
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start()) {
            TeamChatRun.run(simulator, journal, TeamChatRun.mixedCalls());
        }
        List<JsonNode> records = ExportedJournal.read(journal).records();

        ForkedJvmResult csv = AgentCli.run("export", "--dir", journal.toString(), "--format", "csv")
                .assertExitCode(0);
        assertEquals("", csv.stderr(), csv.describe());
        List<List<StrictCsv.Cell>> rows = StrictCsv.parse(csv.stdout());

        assertEquals(ExportedJournal.RECORD_KEYS, rows.get(0).stream().map(StrictCsv.Cell::value).toList(),
                "the header row names every record key in order");
        assertEquals(records.size() + 1, rows.size(), "a header row and one row per record");
        int quotedWithLineBreaks = 0;
        int quotedWithCommaAndQuote = 0;
        for (int i = 0; i < records.size(); i++) {
            List<StrictCsv.Cell> row = rows.get(i + 1);
            assertEquals(ExportedJournal.RECORD_KEYS.size(), row.size(), "fields of row " + (i + 1));
            for (int k = 0; k < row.size(); k++) {
                String key = ExportedJournal.RECORD_KEYS.get(k);
                StrictCsv.Cell cell = row.get(k);
                assertSameValue(JsonFields.present(records.get(i), key), cell, "seq " + (i + 1) + " " + key);
                quotedWithLineBreaks += cell.value().contains("\r\n") ? 1 : 0;
                quotedWithCommaAndQuote += cell.value().contains(",") && cell.value().contains("\"") ? 1 : 0;
            }
        }
        assertTrue(quotedWithLineBreaks >= records.size(), "every prompt holds a CR LF, quoted in CSV");
        assertTrue(quotedWithCommaAndQuote > records.size(), "user ids and JSON fields need quoting");
    }

    private static void assertSameValue(JsonNode value, StrictCsv.Cell cell, String what) throws IOException {
        if (value.isNull()) {
            assertEquals(new StrictCsv.Cell("", false), cell, what + ": null is an empty field");
        } else if (value.isTextual()) {
            assertEquals(value.asText(), cell.value(), what);
            if (value.asText().isEmpty()) {
                assertTrue(cell.quoted(), what + ": an empty text is \"\"");
            }
        } else if (value.isIntegralNumber()) {
            assertEquals(value.longValue(), Long.parseLong(cell.value()), what);
        } else if (value.isNumber()) {
            assertEquals(value.doubleValue(), Double.parseDouble(cell.value()), what);
        } else if (value.isBoolean()) {
            assertEquals(Boolean.toString(value.booleanValue()), cell.value(), what);
        } else {
            assertFalse(cell.value().isEmpty(), what);
            assertEquals(value, JSON.readTree(cell.value()), what + ": the compact JSON of the object or list");
        }
    }
}
