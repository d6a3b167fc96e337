package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrouteraudit.sim.OpenRouterSimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code stats} (SPEC §5) on the journal of a real agent run - four models, three users named by
 * the {@code user.header}, three keys, two refused calls - must print, for every group, exactly
 * what the test adds up itself from {@code export} of the same journal.
 */
class StatsAddUpToTheExportedRecordsIT {

    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final List<String> TABLE_HEADER = List.of("model", "requests", "errors", "error_%",
            "prompt_tokens", "completion_tokens", "cost_usd", "p50_ms", "p95_ms");

    @TempDir
    static Path temp;
    private static Path journal;
    private static List<JsonNode> records;

    @BeforeAll
    static void auditTheTeam() {
        journal = temp.resolve("journal");
        List<String> calls = TeamChatRun.mixedCalls();
        try (OpenRouterSimulator simulator = OpenRouterSimulator.start()) {
            TeamChatRun.run(simulator, journal, calls);
        }
        records = ExportedJournal.read(journal).records();
        assertEquals(calls.size(), records.size(), "one record per call");
        assertEquals(Set.copyOf(TeamChatRun.USERS), distinct("user_id"), "every user, as the header named them");
        assertEquals(TeamChatRun.KEYS.size(), distinct("key_fingerprint").size(), "one fingerprint per key");
        Set<String> models = new HashSet<>(TeamChatRun.MODELS);
        models.addAll(TeamChatRun.FAILING_MODELS);
        assertEquals(models, distinct("model_requested"));
        assertEquals(TeamChatRun.FAILING_MODELS.size(),
                records.stream().filter(r -> "error".equals(JsonFields.text(r, "status"))).count());
    }

    private static Set<String> distinct(String field) {
        Set<String> values = new HashSet<>();
        records.forEach(r -> values.add(JsonFields.text(r, field)));
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"model", "user", "provider", "key", "day"})
    void everyJsonGroupEqualsWhatTheExportedRecordsAddUpTo(String by) throws IOException {
        ForkedJvmResult stats = AgentCli.run("stats", "--dir", journal.toString(), "--by", by, "--format", "json")
                .assertExitCode(0);
        assertEquals("", stats.stderr(), stats.describe());
        Map<String, JsonNode> printed = new HashMap<>();
        for (JsonNode group : EXACT.readTree(stats.stdout())) {
            String key = group.get(by).isNull() ? null : group.get(by).asText();
            assertEquals(null, printed.put(key, group), "one row per group: " + key);
        }
        Map<String, ExpectedGroups.Figures> expected = ExpectedGroups.of(records, by);
        assertEquals(expected.keySet(), printed.keySet(), "the groups of --by " + by);
        expected.forEach((key, figures) -> {
            JsonNode group = printed.get(key);
            String where = "--by " + by + " group " + key + ": ";
            assertEquals(figures.requests(), group.get("requests").longValue(), where + "requests");
            assertEquals(figures.errors(), group.get("errors").longValue(), where + "errors");
            assertEquals(0, figures.errorPercent(2).compareTo(group.get("error_pct").decimalValue()),
                    where + "error_pct " + group.get("error_pct"));
            assertEquals(figures.promptTokens(), group.get("prompt_tokens").longValue(), where + "prompt tokens");
            assertEquals(figures.completionTokens(), group.get("completion_tokens").longValue(),
                    where + "completion tokens");
            assertEquals(0, figures.cost().compareTo(group.get("cost_usd").decimalValue()),
                    where + "cost " + group.get("cost_usd") + ", expected " + figures.cost());
            assertLatency(figures.percentile(50), group.get("p50_latency_ms"), where + "p50");
            assertLatency(figures.percentile(95), group.get("p95_latency_ms"), where + "p95");
        });
    }

    /** Exact below 128 ms, within 1.5 % above (the stats help's histogram precision). */
    private static void assertLatency(long exact, JsonNode printed, String what) {
        long tolerance = (long) Math.floor(exact * 0.015);
        assertTrue(Math.abs(printed.longValue() - exact) <= tolerance, what + " " + printed + ", exact " + exact);
    }

    @Test
    void theTableIsAlignedAndEndsWithATotalOfEveryRecord() {
        ForkedJvmResult table = AgentCli.run("stats", "--dir", journal.toString(), "--by", "model")
                .assertExitCode(0);
        List<String> lines = table.stdoutLines();
        Map<String, ExpectedGroups.Figures> expected = ExpectedGroups.of(records, "model");
        assertEquals(1 + expected.size() + 1, lines.size(), "header, one row per model, TOTAL\n" + table.describe());

        List<int[]> header = cells(lines.get(0));
        assertEquals(TABLE_HEADER, texts(lines.get(0), header));
        for (String line : lines) {
            assertEquals(lines.get(0).length(), line.length(), "every line as wide as the header: " + line);
            List<int[]> cells = cells(line);
            assertEquals(header.size(), cells.size(), "nine cells: " + line);
            assertEquals(0, cells.get(0)[0], "the key column starts the line: " + line);
            for (int i = 1; i < cells.size(); i++) {
                assertEquals(header.get(i)[1], cells.get(i)[1], "column " + TABLE_HEADER.get(i)
                        + " is right-aligned under its header: " + line);
            }
        }
        for (String line : lines.subList(1, lines.size() - 1)) {
            List<String> row = texts(line, cells(line));
            assertFigures(expected.get(row.get(0)), row);
        }
        List<String> total = texts(lines.get(lines.size() - 1), cells(lines.get(lines.size() - 1)));
        assertEquals("TOTAL", total.get(0));
        assertFigures(ExpectedGroups.total(records), total);
    }

    private static void assertFigures(ExpectedGroups.Figures figures, List<String> row) {
        assertTrue(figures != null, "a row for a group the records have: " + row);
        assertEquals(List.of(Long.toString(figures.requests()), Long.toString(figures.errors()),
                figures.errorPercent(1).toPlainString(), Long.toString(figures.promptTokens()),
                Long.toString(figures.completionTokens()),
                figures.cost().setScale(6, RoundingMode.HALF_UP).toPlainString()), row.subList(1, 7), "row " + row);
    }

    /** Start and end offsets of the line's cells: runs of non-blanks (no key of this table has a blank). */
    private static List<int[]> cells(String line) {
        Matcher m = Pattern.compile("\\S+").matcher(line);
        List<int[]> cells = new java.util.ArrayList<>();
        while (m.find()) {
            cells.add(new int[] {m.start(), m.end()});
        }
        return cells;
    }

    private static List<String> texts(String line, List<int[]> cells) {
        return cells.stream().map(c -> line.substring(c[0], c[1])).toList();
    }

}
