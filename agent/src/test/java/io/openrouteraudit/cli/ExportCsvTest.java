package io.openrouteraudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.journal.JournalWriter;
import io.openrouteraudit.openrouter.Routing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --format csv}: RFC 4180 over a real journal, read back field by field. */
class ExportCsvTest {

    /** SPEC section 4, in its order: typed here, not taken from the exporter. */
    private static final List<String> SPEC_KEYS = List.of("schema", "seq", "timestamp", "generation_id", "client",
            "method", "endpoint", "model_requested", "model_used", "provider", "stream", "http_status", "status",
            "error_code", "finish_reason", "prompt_tokens", "completion_tokens", "reasoning_tokens", "cached_tokens",
            "total_cost", "latency_ms", "ttft_ms", "user_id", "app_title", "app_referer", "key_fingerprint",
            "prompt_hash", "completion_hash", "pii", "truncated", "session_id", "routing", "policy_violations",
            "trace_id", "span_id", "prompt", "completion", "prev_hash", "record_hash");

    private static final String TRICKY_TITLE = "My \"App\", Inc.";
    private static final String TRICKY_COMPLETION = "line1\nline2, with a comma\r\nand \"quotes\" \u00fcber \u65e5\u672c";

    /** Each needs quoting for one reason alone. */
    private static final String ONLY_LF = "first line\nsecond line";
    private static final String ONLY_CR = "before\rafter";
    private static final String ONLY_QUOTE = "say \"hi\"";

    @TempDir
    Path tmp;
    private Path dir;

    @BeforeEach
    void writeJournal() throws IOException {
        dir = tmp.resolve("journal");
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            w.append(ChosenRecord.at("2026-11-21T09:00:00.000Z").title(TRICKY_TITLE).texts("", TRICKY_COMPLETION)
                    .routing(new Routing(List.of("a/b", "c/d"), null, List.of("OpenAI"), null, false, "deny", true,
                            256L))
                    .violations("model", "budget").build());
            w.append(ChosenRecord.at("2026-11-22T09:00:00.000Z").cost(null).latency(null).user(null)
                    .failed("error", 429, "rate_limited").texts(ONLY_LF, ONLY_CR).title(ONLY_QUOTE).build());
            ChosenRecord third = ChosenRecord.at("2026-11-23T09:00:00.000Z").cost(0.0000310365).user("Zo\u00eb");
            third.pii = Map.of();
            w.append(third.build());
        }
    }

    private List<List<String>> exportCsv(String... extra) {
        List<String> args = new ArrayList<>(List.of("export", "--dir", dir.toString(), "--format", "csv"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        return CsvText.parse(run.out());
    }

    private List<String> exportJsonl() {
        CliRun run = CliRun.of("export", "--dir", dir.toString());
        assertEquals(0, run.exit(), run.err());
        return run.outLines();
    }

    @Test
    void csvHeaderNamesEverySpecKeyInSpecOrder() {
        assertEquals(SPEC_KEYS, exportCsv().get(0));
    }

    @Test
    void csvHeaderFollowsTheKeyOrderOfTheStoredRecord() throws IOException {
        List<String> keys = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(exportJsonl().get(0))) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        }
        assertEquals(keys, exportCsv().get(0));
    }

    @Test
    void csvHasOneRowPerRecordEvenWithLineBreaksInsideFields() {
        List<List<String>> rows = exportCsv();
        assertEquals(4, rows.size(), "header + 3 records");
        for (List<String> row : rows) {
            assertEquals(SPEC_KEYS.size(), row.size(), String.valueOf(row));
        }
        assertEquals(List.of("1", "2", "3"), List.of(rows.get(1).get(1), rows.get(2).get(1), rows.get(3).get(1)));
    }

    @Test
    void csvQuotesFieldsWithCommasQuotesAndLineBreaksAndDoublesTheQuotes() {
        CliRun run = CliRun.of("export", "--dir", dir.toString(), "--format", "csv");
        String text = run.out();
        assertTrue(text.contains(",\"My \"\"App\"\", Inc.\","), text);
        assertTrue(text.contains(",\"line1\nline2, with a comma\r\nand \"\"quotes\"\" \u00fcber \u65e5\u672c\","), text);
        assertTrue(text.contains(",openai/gpt-4o,openai/gpt-4o,OpenAI,"), "plain fields stay unquoted: " + text);
        assertTrue(text.contains(",\"first line\nsecond line\",\"before\rafter\","), "a lone LF or CR is quoted");
        assertTrue(text.contains(",\"say \"\"hi\"\"\","), "a lone quote is quoted and doubled");
        assertTrue(text.startsWith("schema,seq,timestamp,"), text);
        assertTrue(text.endsWith("\r\n"), "RFC 4180 records end with CRLF");
    }

    @Test
    void csvKeepsTheUnescapedTextOfTrickyFields() {
        List<String> first = exportCsv().get(1);
        assertEquals(TRICKY_TITLE, first.get(SPEC_KEYS.indexOf("app_title")));
        assertEquals(TRICKY_COMPLETION, first.get(SPEC_KEYS.indexOf("completion")));
        List<String> second = exportCsv().get(2);
        assertEquals(ONLY_LF, second.get(SPEC_KEYS.indexOf("prompt")));
        assertEquals(ONLY_CR, second.get(SPEC_KEYS.indexOf("completion")));
        assertEquals(ONLY_QUOTE, second.get(SPEC_KEYS.indexOf("app_title")));
    }

    @Test
    void csvWritesNullAsAnEmptyFieldAndEmptyTextAsQuotedEmpty() {
        List<List<String>> rows = exportCsv();
        assertEquals("", rows.get(1).get(SPEC_KEYS.indexOf("prompt")), "empty prompt text");
        assertNull(rows.get(1).get(SPEC_KEYS.indexOf("trace_id")), "null trace_id");
        assertNull(rows.get(2).get(SPEC_KEYS.indexOf("total_cost")));
        assertNull(rows.get(2).get(SPEC_KEYS.indexOf("user_id")));
    }

    @Test
    void csvPutsNestedValuesAsTheirCompactJsonInOneField() {
        List<String> first = exportCsv().get(1);
        assertEquals("{\"EMAIL\":1}", first.get(SPEC_KEYS.indexOf("pii")));
        assertEquals("[\"model\",\"budget\"]", first.get(SPEC_KEYS.indexOf("policy_violations")));
        assertEquals("{\"models\":[\"a/b\",\"c/d\"],\"provider_order\":null,\"provider_only\":[\"OpenAI\"],"
                + "\"provider_ignore\":null,\"allow_fallbacks\":false,\"data_collection\":\"deny\",\"zdr\":true,"
                + "\"max_tokens\":256}", first.get(SPEC_KEYS.indexOf("routing")));
        assertEquals("{}", exportCsv().get(3).get(SPEC_KEYS.indexOf("pii")));
        assertEquals("[]", exportCsv().get(3).get(SPEC_KEYS.indexOf("policy_violations")));
    }

    @Test
    void csvParsedBackHoldsEveryValueOfTheJsonExport() throws IOException {
        List<String> lines = exportJsonl();
        List<List<String>> rows = exportCsv();
        assertEquals(lines.size() + 1, rows.size());
        JsonFactory json = new JsonFactory();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            List<String> row = rows.get(i + 1);
            int seen = 0;
            try (JsonParser p = json.createParser(line)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken t = p.nextToken();
                    String cell = row.get(SPEC_KEYS.indexOf(key));
                    seen++;
                    switch (t) {
                        case VALUE_NULL -> assertNull(cell, key);
                        case VALUE_STRING -> assertEquals(p.getText(), cell, key);
                        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                            assertEquals(p.getText(), cell, key);
                            assertEquals(p.getDecimalValue(), new java.math.BigDecimal(cell), key);
                        }
                        case VALUE_TRUE, VALUE_FALSE -> assertEquals(p.getText(), cell, key);
                        case START_OBJECT, START_ARRAY -> {
                            p.skipChildren();
                            assertTrue(line.contains("\"" + key + "\":" + cell + ","), key + " = " + cell);
                            assertCompleteJson(cell);
                        }
                        default -> throw new AssertionError(key + ": " + t);
                    }
                }
            }
            assertEquals(SPEC_KEYS.size(), seen, "every key of the record was compared");
        }
    }

    private static void assertCompleteJson(String text) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            assertTrue(first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY, text);
            p.skipChildren();
            assertNull(p.nextToken(), "one JSON value: " + text);
        }
    }

    @Test
    void csvHonoursSinceAndUntil() {
        List<List<String>> rows = exportCsv("--since", "2026-11-22", "--until", "2026-11-23");
        assertEquals(2, rows.size(), "header + the one record of 2026-11-22");
        assertEquals("2", rows.get(1).get(1));
        assertEquals(SPEC_KEYS, exportCsv("--since", "2027-01-01").get(0), "an empty window still has the header");
        assertEquals(1, exportCsv("--since", "2027-01-01").size());
    }

    @Test
    void jsonlStaysTheDefaultFormat() {
        CliRun plain = CliRun.of("export", "--dir", dir.toString());
        CliRun jsonl = CliRun.of("export", "--dir", dir.toString(), "--format", "jsonl");
        assertEquals(jsonl.out(), plain.out());
        assertEquals(3, plain.outLines().size());
        assertTrue(plain.outLines().get(0).startsWith("{\"schema\":1,\"seq\":1,"), plain.out());
    }

    @Test
    void unknownFormatIsOneLineAndExit2() {
        CliRun run = CliRun.of("export", "--dir", dir.toString(), "--format", "xml");
        assertEquals(2, run.exit());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("openrouter-audit: "), run.err());
        assertTrue(run.err().contains("xml"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals("", run.out());
    }
}
