package io.openrouteraudit.cli.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openrouteraudit.journal.StoredRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The aggregation the stats command and the report can share, fed stored lines directly. */
class JournalStatsTest {

    private static StoredRecord line(String timestamp, String model, String user, double cost, String status,
            String violations) throws IOException {
        return StoredRecord.parse("{\"schema\":1,\"seq\":1,\"timestamp\":\"" + timestamp + "\",\"model_requested\":"
                + (model == null ? "null" : "\"" + model + "\"") + ",\"model_used\":null,\"status\":\"" + status
                + "\",\"prompt_tokens\":5,\"completion_tokens\":7,\"total_cost\":" + cost + ",\"latency_ms\":200,"
                + "\"user_id\":" + (user == null ? "null" : "\"" + user + "\"") + ",\"policy_violations\":"
                + violations + "}");
    }

    @Test
    void tiesInCostAndRequestsAreOrderedByKeyWithTheAbsentKeyLast() throws IOException {
        JournalStats stats = new JournalStats(GroupBy.USER);
        for (String user : new String[] {"zed", null, "amy", "max"}) {
            stats.add(line("2026-11-23T10:00:00.000Z", "m", user, 0.5, "success", "[]"));
        }
        stats.add(line("2026-11-23T10:00:00.000Z", "m", "max", 0.25, "success", "[]"));
        assertEquals(java.util.Arrays.asList("max", "amy", "zed", null),
                stats.groups().stream().map(GroupStats::key).toList());
        assertEquals("(none)", stats.groups().get(3).label());
    }

    @Test
    void costIsTheExactDecimalSumOfTheStoredAmounts() throws IOException {
        JournalStats stats = new JournalStats(GroupBy.MODEL);
        for (int i = 0; i < 10; i++) {
            stats.add(line("2026-11-23T10:00:00.000Z", "m", "u", 0.1, "success", "[]"));
        }
        assertEquals(new BigDecimal("1.0"), stats.total().cost()); // a double sum would give 0.9999999999999999
    }

    @Test
    void policyCountsEachDistinctRuleOnceAndTheRecordOnceInTheTotal() throws IOException {
        JournalStats stats = new JournalStats(GroupBy.POLICY);
        stats.add(line("2026-11-23T10:00:00.000Z", "m", "u", 1, "blocked", "[\"model\",\"budget\",\"model\"]"));
        stats.add(line("2026-11-23T10:00:00.000Z", "m", "u", 2, "success", "[]"));
        stats.add(line("2026-11-23T10:00:00.000Z", "m", "u", 4, "success", "[\"budget\"]"));
        assertEquals(1, stats.group("model").requests());
        assertEquals(2, stats.group("budget").requests());
        assertEquals(1, stats.group("budget").errors());
        assertNull(stats.group(null), "no group for records without violations");
        assertEquals(2, stats.total().requests());
        assertEquals(0, new BigDecimal("5").compareTo(stats.total().cost()));
        assertEquals(new BigDecimal("50.00"), stats.total().errorPercent(2));
    }

    @Test
    void daysAreUtcDatesInDateOrder() throws IOException {
        JournalStats stats = new JournalStats(GroupBy.DAY);
        stats.add(line("2026-11-23T00:30:00.000Z", "m", "u", 9, "success", "[]"));
        stats.add(line("2026-11-22T23:59:59.999Z", "m", "u", 1, "success", "[]"));
        assertEquals(List.of("2026-11-22", "2026-11-23"), stats.groups().stream().map(GroupStats::key).toList());
    }
}
