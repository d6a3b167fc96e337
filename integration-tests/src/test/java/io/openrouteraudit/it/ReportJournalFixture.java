package io.openrouteraudit.it;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal of {@link ReportChromiumIT}: records over a week (one day without any), four
 * models (one named like markup), four providers, five users and three keys, errors and
 * policy violations, written with chosen timestamps through the agent's own
 * {@code JournalWriter} ({@link AgentJournalWriter}, in a JVM forked by {@link FixtureJournal}).
 * No JUnit in here.
 */
public final class ReportJournalFixture {

    static final String EVIL_MODEL = "<script>document.title='pwned'</script>";
    static final String EVIL_USER = "\"><svg onload=alert(1)>";
    static final List<String> MODELS = List.of("openai/gpt-4o", "anthropic/claude-sonnet-4", "google/gemini-2.5-flash");
    static final List<String> PROVIDERS = List.of("OpenAI", "Anthropic", "Google");
    static final List<String> USERS = List.of("alice", "bob", "carol", "dave");
    static final List<String> KEYS = List.of("1a2b3c4d5e6f", "a1b2c3d4e5f6");
    static final LocalDate FIRST_DAY = LocalDate.parse("2026-11-17");
    static final LocalDate LAST_DAY = LocalDate.parse("2026-11-23");
    static final LocalDate EMPTY_DAY = LocalDate.parse("2026-11-19");
    static final List<ChosenRow> ROWS = rows();

    private ReportJournalFixture() {
    }

    private static List<ChosenRow> rows() {
        List<ChosenRow> rows = new ArrayList<>();
        int n = 0;
        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            if (day.equals(EMPTY_DAY)) {
                continue;
            }
            int perDay = 2 + day.getDayOfMonth() % 4;
            for (int i = 0; i < perDay; i++) {
                n++;
                int m = (n + i) % MODELS.size();
                boolean error = n % 7 == 0;
                Instant at = day.atTime(8 + i, 5 * i).toInstant(java.time.ZoneOffset.UTC);
                List<String> violations = n % 5 == 0 ? List.of("max-tokens") : List.of();
                rows.add(new ChosenRow(at, String.format("gen-report-it-%04d", n), MODELS.get(m), PROVIDERS.get(m),
                        error ? "error" : "success", error ? null : 0.0005 * (m + 1) * (i + 1),
                        error ? null : 120L * (i + 1), error ? null : 40L * (m + 1), USERS.get(n % USERS.size()),
                        KEYS.get(n % KEYS.size()), violations));
            }
        }
        rows.add(new ChosenRow(Instant.parse("2026-11-22T23:30:00.250Z"), null, EVIL_MODEL, null, "error", null, null,
                null, EVIL_USER, "ffffffffffff", List.of("model", "budget")));
        return List.copyOf(rows);
    }

    /** {@code ReportJournalFixture AGENT_JAR JOURNAL_DIR}. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        try (AgentJournalWriter writer = AgentJournalWriter.open(Path.of(args[0]), dir)) {
            for (ChosenRow r : ROWS) {
                writer.append(r);
            }
        }
        System.out.println("wrote " + ROWS.size() + " records to " + dir);
    }
}
