package io.openrouteraudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.journal.JournalWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code stats} over a journal of records with chosen models, users, keys, providers, days, costs,
 * latencies and statuses: every figure is compared with what the test itself wrote.
 */
class StatsCommandTest {

    private static final String[][] MODELS = {
        {"openai/gpt-4o", "openai/gpt-4o"},
        {"anthropic/claude-sonnet-4", "anthropic/claude-sonnet-4"},
        {"openrouter/auto", "google/gemini-2.5-flash"},   // served model wins
        {"meta-llama/llama-3.3-70b", null},                // nothing served: the requested one
    };
    private static final String[] PROVIDERS = {"OpenAI", "Anthropic", "Google", null};
    private static final String[] USERS = {"alice", "bob", "carol", null};
    private static final String[] KEYS = {"aaaaaaaaaaaa", "bbbbbbbbbbbb", null};
    private static final String[] DAYS = {"2026-11-21", "2026-11-22", "2026-11-23"};
    private static final String[][] POLICIES = {{}, {}, {"model"}, {"budget", "model"}, {"no-free"}};
    private static final int RECORDS = 400;
    /** LatencyHistogram's documented precision. */
    private static final double RELATIVE_PRECISION = 0.015;

    @TempDir
    static Path tmp;
    private static Path dir;
    private static final List<ChosenRecord> WRITTEN = new ArrayList<>();
    /** Each record's cost as the exact decimal the test chose. */
    private static final List<BigDecimal> COSTS = new ArrayList<>();

    @BeforeAll
    static void writeJournal() throws IOException {
        dir = tmp.resolve("journal");
        Random random = new Random(20261123);
        try (JournalWriter w = JournalWriter.open(dir, JournalRoll.DAILY)) {
            for (int i = 0; i < RECORDS; i++) {
                String day = DAYS[random.nextInt(DAYS.length)];
                String time = String.format("%sT%02d:%02d:%02d.%03dZ", day, random.nextInt(24), random.nextInt(60),
                        random.nextInt(60), random.nextInt(1000));
                String[] model = MODELS[random.nextInt(MODELS.length)];
                ChosenRecord r = ChosenRecord.at(time).model(model[0], model[1])
                        .provider(PROVIDERS[random.nextInt(PROVIDERS.length)])
                        .user(USERS[random.nextInt(USERS.length)])
                        .key(KEYS[random.nextInt(KEYS.length)])
                        .tokens((long) random.nextInt(5000), (long) random.nextInt(2000))
                        .violations(POLICIES[random.nextInt(POLICIES.length)]);
                BigDecimal cost = null;
                int outcome = random.nextInt(10);
                if (outcome == 0) {
                    r.failed("error", 429, "rate_limited").cost(null).tokens(null, null);
                } else if (outcome == 1) {
                    r.failed("timeout", null, "HttpTimeoutException").cost(null).latency(null).tokens(null, null);
                } else if (outcome == 2) {
                    r.failed("blocked", null, null).cost(null).latency(null).tokens(null, null);
                } else {
                    cost = BigDecimal.valueOf(random.nextInt(5_000_000), 9);
                    r.cost(Double.parseDouble(cost.toPlainString()));
                }
                if (outcome != 1 && outcome != 2) {
                    // log-uniform from 5 ms to 60 s, so both the exact and the bucketed range are used
                    r.latency(Math.round(Math.exp(Math.log(5) + random.nextDouble() * Math.log(60_000 / 5.0))));
                }
                w.append(r.build());
                WRITTEN.add(r);
                COSTS.add(cost == null ? BigDecimal.ZERO : cost);
            }
        }
    }

    /** What the records hold for one group. */
    private static final class Expected {
        long requests;
        long errors;
        long prompt;
        long completion;
        BigDecimal cost = BigDecimal.ZERO;
        final List<Long> latencies = new ArrayList<>();

        void add(ChosenRecord r, BigDecimal recordCost) {
            requests++;
            errors += "success".equals(r.status) ? 0 : 1;
            prompt += r.promptTokens == null ? 0 : r.promptTokens;
            completion += r.completionTokens == null ? 0 : r.completionTokens;
            cost = cost.add(recordCost);
            if (r.latencyMs != null) {
                latencies.add(r.latencyMs);
            }
        }

        Long exactPercentile(int percent) {
            if (latencies.isEmpty()) {
                return null;
            }
            List<Long> sorted = latencies.stream().sorted().toList();
            long rank = (percent * (long) sorted.size() + 99) / 100; // ceil, nearest rank
            return sorted.get((int) Math.max(1, rank) - 1);
        }
    }

    private static List<String> keysOf(ChosenRecord r, String by) {
        return switch (by) {
            case "model" -> java.util.Collections.singletonList(r.modelUsed != null ? r.modelUsed : r.modelRequested);
            case "day" -> List.of(LocalDate.ofInstant(r.timestamp, ZoneOffset.UTC).toString());
            case "user" -> java.util.Collections.singletonList(r.userId);
            case "provider" -> java.util.Collections.singletonList(r.provider);
            case "key" -> java.util.Collections.singletonList(r.keyFingerprint);
            case "policy" -> List.copyOf(new LinkedHashSet<>(r.violations));
            default -> throw new IllegalArgumentException(by);
        };
    }

    private static Map<String, Expected> expected(String by, Instant since) {
        Map<String, Expected> groups = new HashMap<>();
        for (int i = 0; i < WRITTEN.size(); i++) {
            ChosenRecord r = WRITTEN.get(i);
            if (since != null && r.timestamp.isBefore(since)) {
                continue;
            }
            for (String key : keysOf(r, by)) {
                groups.computeIfAbsent(key, k -> new Expected()).add(r, COSTS.get(i));
            }
        }
        return groups;
    }

    private static List<Map<String, Object>> statsJson(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("stats", "--dir", dir.toString(), "--format", "json"));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        return StatsJson.parse(run.out());
    }

    private static void assertGroupsMatch(String by, Map<String, Expected> expected, List<Map<String, Object>> rows) {
        assertEquals(expected.size(), rows.size(), "one row per group: " + expected.keySet());
        for (Map<String, Object> row : rows) {
            String key = (String) row.get(by);
            Expected e = expected.get(key);
            assertNotNull(e, "unexpected group " + key);
            String g = by + " " + key + ": ";
            assertEquals(e.requests, row.get("requests"), g + "requests");
            assertEquals(e.errors, row.get("errors"), g + "errors");
            BigDecimal pct = BigDecimal.valueOf(e.errors * 100).divide(BigDecimal.valueOf(e.requests), 2,
                    RoundingMode.HALF_UP);
            assertEquals(0, pct.compareTo(decimal(row.get("error_pct"))), g + "error_pct " + row.get("error_pct"));
            assertEquals(e.prompt, row.get("prompt_tokens"), g + "prompt_tokens");
            assertEquals(e.completion, row.get("completion_tokens"), g + "completion_tokens");
            assertEquals(0, e.cost.compareTo(decimal(row.get("cost_usd"))),
                    g + "cost " + e.cost.toPlainString() + " vs " + row.get("cost_usd"));
            assertPercentile(e.exactPercentile(50), row.get("p50_latency_ms"), g + "p50");
            assertPercentile(e.exactPercentile(95), row.get("p95_latency_ms"), g + "p95");
        }
    }

    private static BigDecimal decimal(Object number) {
        return number instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) number;
    }

    static void assertPercentile(Long exact, Object reported, String what) {
        if (exact == null) {
            assertNull(reported, what + ": no latencies, no percentile");
            return;
        }
        assertNotNull(reported, what);
        long value = (Long) reported;
        if (exact < 128) {
            assertEquals(exact, value, what + " is exact below 128 ms");
        } else {
            assertTrue(Math.abs(value - exact) <= RELATIVE_PRECISION * exact,
                    what + ": reported " + value + ", exact " + exact);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"model", "day", "user", "provider", "key", "policy"})
    void everyFigureOfEveryGroupMatchesTheRecords(String by) throws IOException {
        assertGroupsMatch(by, expected(by, null), statsJson("--by", by));
    }

    @ParameterizedTest
    @ValueSource(strings = {"model", "user", "policy"})
    void sinceDropsEarlierRecordsFromEveryFigure(String by) throws IOException {
        Instant since = Instant.parse("2026-11-22T00:00:00Z");
        List<Map<String, Object>> rows = statsJson("--by", by, "--since", "2026-11-22");
        assertGroupsMatch(by, expected(by, since), rows);
        long all = rows.stream().mapToLong(r -> (Long) r.get("requests")).sum();
        assertTrue(all < statsJson("--by", by).stream().mapToLong(r -> (Long) r.get("requests")).sum());
    }

    @Test
    void sinceAndUntilByDayKeepOnlyTheDaysInside() throws IOException {
        List<Map<String, Object>> rows = statsJson("--by", "day", "--since", "2026-11-22", "--until", "2026-11-23");
        assertEquals(1, rows.size());
        assertEquals("2026-11-22", rows.get(0).get("day"));
        assertEquals(expected("day", null).get("2026-11-22").requests, rows.get(0).get("requests"));
    }

    @Test
    void modelGroupsByTheServedModelElseTheRequestedOne() throws IOException {
        List<Object> models = statsJson("--by", "model").stream().map(r -> r.get("model")).toList();
        assertTrue(models.contains("google/gemini-2.5-flash"), String.valueOf(models));
        assertTrue(models.contains("meta-llama/llama-3.3-70b"), String.valueOf(models));
        assertTrue(!models.contains("openrouter/auto"), String.valueOf(models));
    }

    @Test
    void rowsAreOrderedByCostThenRequestsAndDaysByDate() throws IOException {
        List<Map<String, Object>> users = statsJson("--by", "user");
        for (int i = 1; i < users.size(); i++) {
            int byCost = decimal(users.get(i - 1).get("cost_usd")).compareTo(decimal(users.get(i).get("cost_usd")));
            assertTrue(byCost > 0 || byCost == 0
                    && (Long) users.get(i - 1).get("requests") >= (Long) users.get(i).get("requests"), "order");
        }
        assertEquals(List.of(DAYS), statsJson("--by", "day").stream().map(r -> r.get("day")).toList());
    }

    @Test
    void policyCountsARecordOnceInEachRuleItBreaksAndNotAtAllWithoutViolations() throws IOException {
        List<Map<String, Object>> rows = statsJson("--by", "policy");
        Map<Object, Object> requests = new HashMap<>();
        rows.forEach(r -> requests.put(r.get("policy"), r.get("requests")));
        long model = WRITTEN.stream().filter(r -> r.violations.contains("model")).count();
        long budget = WRITTEN.stream().filter(r -> r.violations.contains("budget")).count();
        assertEquals(model, requests.get("model"));
        assertEquals(budget, requests.get("budget"));
        assertTrue(!requests.containsKey(null), "records without violations are no group");

        CliRun table = CliRun.of("stats", "--dir", dir.toString(), "--by", "policy");
        long violating = WRITTEN.stream().filter(r -> !r.violations.isEmpty()).count();
        List<String> total = cells(table.outLines().get(table.outLines().size() - 1));
        assertEquals("TOTAL", total.get(0));
        assertEquals(Long.toString(violating), total.get(1), "TOTAL counts each violating record once");
    }

    @Test
    void tableIsAlignedWithAHeaderAndATotalRowThatMatchesTheRecords() {
        CliRun run = CliRun.of("stats", "--dir", dir.toString(), "--by", "provider");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.outLines();
        assertEquals(List.of("provider", "requests", "errors", "error_%", "prompt_tokens", "completion_tokens",
                "cost_usd", "p50_ms", "p95_ms"), cells(lines.get(0)));
        assertEquals(expected("provider", null).size() + 2, lines.size(), "header, groups, TOTAL");
        int width = lines.get(0).length();
        for (String line : lines) {
            assertEquals(width, line.length(), "aligned: every line as wide as the header: '" + line + "'");
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("(none) ")), "null provider shown as (none)");

        Expected all = new Expected();
        for (int i = 0; i < WRITTEN.size(); i++) {
            all.add(WRITTEN.get(i), COSTS.get(i));
        }
        List<String> total = cells(lines.get(lines.size() - 1));
        assertEquals("TOTAL", total.get(0));
        assertEquals(Long.toString(all.requests), total.get(1));
        assertEquals(Long.toString(all.errors), total.get(2));
        assertEquals(BigDecimal.valueOf(all.errors * 100).divide(BigDecimal.valueOf(all.requests), 1,
                RoundingMode.HALF_UP).toPlainString(), total.get(3));
        assertEquals(Long.toString(all.prompt), total.get(4));
        assertEquals(Long.toString(all.completion), total.get(5));
        assertEquals(all.cost.setScale(6, RoundingMode.HALF_UP).toPlainString(), total.get(6));
        assertPercentile(all.exactPercentile(50), Long.parseLong(total.get(7)), "TOTAL p50");
        assertPercentile(all.exactPercentile(95), Long.parseLong(total.get(8)), "TOTAL p95");
    }

    private static List<String> cells(String line) {
        return List.of(line.trim().split("\\s+")); // no key here holds a space
    }

    @Test
    void csvHasAHeaderAndTheSameFiguresAsJson() throws IOException {
        CliRun run = CliRun.of("stats", "--dir", dir.toString(), "--by", "key", "--format", "csv");
        assertEquals(0, run.exit(), run.err());
        List<List<String>> rows = CsvText.parse(run.out());
        assertEquals(List.of("key", "requests", "errors", "error_pct", "prompt_tokens", "completion_tokens",
                "cost_usd", "p50_latency_ms", "p95_latency_ms"), rows.get(0));
        List<Map<String, Object>> json = statsJson("--by", "key");
        assertEquals(json.size() + 1, rows.size(), "no total row in csv");
        for (int i = 0; i < json.size(); i++) {
            Map<String, Object> j = json.get(i);
            List<String> c = rows.get(i + 1);
            assertEquals(j.get("key") == null ? "(none)" : j.get("key"), c.get(0));
            assertEquals(String.valueOf(j.get("requests")), c.get(1));
            assertEquals(String.valueOf(j.get("errors")), c.get(2));
            assertEquals(0, decimal(j.get("error_pct")).compareTo(new BigDecimal(c.get(3))));
            assertEquals(String.valueOf(j.get("prompt_tokens")), c.get(4));
            assertEquals(String.valueOf(j.get("completion_tokens")), c.get(5));
            assertEquals(0, decimal(j.get("cost_usd")).compareTo(new BigDecimal(c.get(6))));
            assertEquals(String.valueOf(j.get("p50_latency_ms")), c.get(7));
            assertEquals(String.valueOf(j.get("p95_latency_ms")), c.get(8));
        }
    }

    @Test
    void nullKeysAreOwnGroupShownAsNone() throws IOException {
        CliRun run = CliRun.of("stats", "--dir", dir.toString(), "--by", "user", "--format", "csv");
        long noUser = WRITTEN.stream().filter(r -> r.userId == null).count();
        List<String> none = CsvText.parse(run.out()).stream().filter(r -> r.get(0).equals("(none)")).findFirst()
                .orElseThrow();
        assertEquals(Long.toString(noUser), none.get(1));
        assertTrue(statsJson("--by", "user").stream().anyMatch(r -> r.get("user") == null && r.containsKey("user")),
                "json gives the absent key as null");
    }

    @Test
    void anEmptyWindowGivesAnEmptyArrayAndAZeroTotal() throws IOException {
        assertEquals(List.of(), statsJson("--by", "model", "--since", "2030-01-01"));
        CliRun table = CliRun.of("stats", "--dir", dir.toString(), "--by", "model", "--since", "2030-01-01");
        assertEquals(0, table.exit(), table.err());
        List<String> total = cells(table.outLines().get(table.outLines().size() - 1));
        assertEquals(List.of("TOTAL", "0", "0", "0.0", "0", "0", "0.000000", "-", "-"), total);
    }
}
