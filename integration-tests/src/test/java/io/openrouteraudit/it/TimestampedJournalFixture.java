package io.openrouteraudit.it;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A journal with one successful record per timestamp given on the command line, in that order,
 * the n-th with generation id {@code gen-window-<n>} (from 1): {@code TimestampedJournalFixture
 * AGENT_JAR JOURNAL_DIR TIMESTAMP…}, run by {@link FixtureJournal}. No JUnit in here.
 */
public final class TimestampedJournalFixture {

    private TimestampedJournalFixture() {
    }

    static String generationId(int n) {
        return "gen-window-" + n;
    }

    public static void main(String[] args) throws Exception {
        try (AgentJournalWriter writer = AgentJournalWriter.open(Path.of(args[0]), Path.of(args[1]))) {
            for (int i = 2; i < args.length; i++) {
                int n = i - 1;
                writer.append(new ChosenRow(Instant.parse(args[i]), generationId(n), "openai/gpt-4o-mini", "OpenAI",
                        "success", 0.0001 * n, 10L * n, 2L * n, "user-" + n, "0123456789ab", List.of()));
            }
        }
    }
}
