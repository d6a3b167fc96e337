package io.openrouteraudit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.config.LogLevel;
import io.openrouteraudit.diag.AgentLog;
import io.openrouteraudit.journal.JournalWriter;
import io.openrouteraudit.journal.TestRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailySpendTest {

    private static final Instant TODAY_NOON = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant MIDNIGHT = Instant.parse("2026-11-24T00:00:00Z");

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(LogLevel.WARN, UnaryOperator.identity(),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));

    /** A clock the test moves on, for the day's end. */
    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private DailySpend spendAt(Clock clock) {
        DailySpend spend = new DailySpend(clock, log);
        spend.skipReadBack();
        return spend;
    }

    private static io.openrouteraudit.audit.AuditRecord costing(String at, Double usd) {
        return TestRecords.record(Instant.parse(at), "gen-" + at, usd);
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writtenRecordsAddUpOnTheDayTheirRequestStarted() {
        DailySpend spend = spendAt(Clock.fixed(TODAY_NOON, ZoneOffset.UTC));

        spend.write(costing("2026-11-24T00:00:00Z", 0.1));
        spend.write(costing("2026-11-24T09:30:00.250Z", 0.2));
        spend.write(costing("2026-11-24T11:59:59.999Z", null));
        spend.write(costing("2026-11-23T23:59:59.999Z", 7.0));

        assertEquals(0, new BigDecimal("0.3").compareTo(spend.spentToday()),
                "0.1 + 0.2 is 0.3 to the cent, and yesterday's late call is not today's: " + spend.spentToday());
    }

    @Test
    void aRecordWithoutTimestampOrCostCountsNothing() {
        DailySpend spend = spendAt(Clock.fixed(TODAY_NOON, ZoneOffset.UTC));

        spend.write(costing("2026-11-24T10:00:00Z", null));
        spend.write(TestRecords.record(null, "gen-undated", 3.0));

        assertEquals(0, BigDecimal.ZERO.compareTo(spend.spentToday()));
    }

    @Test
    void yesterdaysCallsFinishingFirstDoNotCountToday() {
        DailySpend spend = spendAt(Clock.fixed(TODAY_NOON, ZoneOffset.UTC));

        spend.write(costing("2026-11-23T23:59:00Z", 4.0));
        spend.write(costing("2026-11-24T00:00:01Z", 0.5));
        spend.write(costing("2026-11-23T23:59:30Z", 4.0));

        assertEquals(0, new BigDecimal("0.5").compareTo(spend.spentToday()));
    }

    @Test
    void theDaysEndStartsTheCountAfresh() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-23T23:59:00Z"));
        DailySpend spend = spendAt(clock);
        BigDecimal budget = new BigDecimal("1.00");

        spend.write(costing("2026-11-23T23:58:00Z", 1.5));
        assertTrue(spend.reached(budget));

        clock.set(Instant.parse("2026-11-24T00:00:00.001Z"));
        assertEquals(0, BigDecimal.ZERO.compareTo(spend.spentToday()));
        assertFalse(spend.reached(budget), "a new UTC day has a new budget");

        spend.write(costing("2026-11-23T23:59:59Z", 2.0));
        assertFalse(spend.reached(budget), "a call of yesterday ending today is yesterday's");

        spend.write(costing("2026-11-24T00:00:00Z", 0.75));
        spend.write(costing("2026-11-24T00:05:00Z", 0.25));
        assertEquals(0, BigDecimal.ONE.compareTo(spend.spentToday()));
        assertTrue(spend.reached(budget));
    }

    @Test
    void theBudgetIsReachedAtItsValueNotOnlyPastIt() {
        DailySpend spend = spendAt(Clock.fixed(TODAY_NOON, ZoneOffset.UTC));
        spend.write(costing("2026-11-24T08:00:00Z", 0.5));
        spend.write(costing("2026-11-24T09:00:00Z", 0.5));

        assertTrue(spend.reached(new BigDecimal("1")), "equal");
        assertTrue(spend.reached(new BigDecimal("1.000")), "equal at another scale");
        assertTrue(spend.reached(new BigDecimal("0.99")), "above");
        assertFalse(spend.reached(new BigDecimal("1.01")), "below");
    }

    @Test
    void todaysSpendIsReadBackFromTheJournalOnDisk() throws IOException {
        Path dir = tmp.resolve("journal");
        try (JournalWriter journal = JournalWriter.open(dir, JournalRoll.DAILY)) {
            journal.append(costing("2026-11-23T10:00:00Z", 9.0));
            journal.append(costing("2026-11-23T22:00:00Z", 9.0));
            journal.append(costing("2026-11-24T00:00:00Z", 0.5));
            journal.append(costing("2026-11-24T08:15:00.500Z", 0.25));
            journal.append(costing("2026-11-24T09:00:00Z", null));
            // Started before midnight, ended after today's first calls: appended after them.
            journal.append(costing("2026-11-23T23:59:59.999Z", 9.0));
            journal.append(costing("2026-11-24T11:00:00Z", 0.125));
        }
        DailySpend spend = new DailySpend(Clock.fixed(TODAY_NOON, ZoneOffset.UTC), log);

        spend.readBack(dir);

        assertEquals(0, new BigDecimal("0.875").compareTo(spend.spentToday()), spend.spentToday().toPlainString());
        assertTrue(spend.reached(new BigDecimal("0.875")));
        assertFalse(spend.reached(new BigDecimal("0.88")));
        assertEquals("", stderr());
    }

    @Test
    void callsOfThisProcessAddToWhatWasReadBack() throws IOException {
        Path dir = tmp.resolve("journal");
        try (JournalWriter journal = JournalWriter.open(dir, JournalRoll.DAILY)) {
            journal.append(costing("2026-11-24T01:00:00Z", 0.75));
        }
        DailySpend spend = new DailySpend(Clock.fixed(TODAY_NOON, ZoneOffset.UTC), log);
        spend.readBack(dir);

        spend.write(costing("2026-11-24T11:59:00Z", 0.25));

        assertEquals(0, BigDecimal.ONE.compareTo(spend.spentToday()));
        assertTrue(spend.reached(BigDecimal.ONE));
    }

    @Test
    void aJournalOfYesterdayOnlyLeavesTodayAtZero() throws IOException {
        Path dir = tmp.resolve("journal");
        try (JournalWriter journal = JournalWriter.open(dir, JournalRoll.DAILY)) {
            journal.append(costing("2026-11-23T12:00:00Z", 3.0));
            journal.append(costing("2026-11-23T23:59:59.999Z", 3.0));
        }
        DailySpend spend = new DailySpend(Clock.fixed(MIDNIGHT, ZoneOffset.UTC), log);

        spend.readBack(dir);

        assertEquals(0, BigDecimal.ZERO.compareTo(spend.spentToday()));
        assertFalse(spend.reached(new BigDecimal("0.01")));
    }

    @Test
    void noJournalYetMeansNothingSpentAndNothingToSay() {
        DailySpend spend = new DailySpend(Clock.fixed(TODAY_NOON, ZoneOffset.UTC), log);

        spend.readBack(tmp.resolve("never-created"));

        assertEquals(0, BigDecimal.ZERO.compareTo(spend.spentToday()));
        assertFalse(spend.reached(new BigDecimal("0.01")));
        assertEquals("", stderr());
    }

    @Test
    void anUnreadableJournalIsReportedOnceAndCountsOnlyThisProcess() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("damaged"));
        Files.write(dir.resolve("20261124F.cq4"), "this is not a chronicle queue file".repeat(50)
                .getBytes(StandardCharsets.UTF_8));
        DailySpend spend = new DailySpend(Clock.fixed(TODAY_NOON, ZoneOffset.UTC), log);

        spend.readBack(dir);
        spend.readBack(dir);
        spend.write(costing("2026-11-24T11:00:00Z", 0.5));

        String said = stderr();
        assertEquals(1, said.lines().count(), said);
        assertTrue(said.startsWith("openrouter-audit: policy.daily-budget-usd:"), said);
        assertTrue(said.contains(dir.toString()), said);
        assertEquals(0, new BigDecimal("0.5").compareTo(spend.spentToday()));
    }
}
