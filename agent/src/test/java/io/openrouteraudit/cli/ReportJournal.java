package io.openrouteraudit.cli;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.config.JournalRoll;
import io.openrouteraudit.journal.JournalWriter;
import io.openrouteraudit.openrouter.Routing;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Journals for the report tests: records with chosen times, models, providers, users, keys and costs. */
final class ReportJournal {

    /** One record's chosen facts; everything else is fixed. */
    record Entry(String timestamp, String model, String provider, String status, Double cost, Long promptTokens,
            Long completionTokens, String userId, String key, List<String> violations) {

        AuditRecord toRecord(int n) {
            boolean ok = "success".equals(status);
            return new AuditRecord(Instant.parse(timestamp), ok ? "gen-report-" + n : null, "jdk-httpclient", "POST",
                    "/api/v1/chat/completions", model, ok ? model : null, provider, false, ok ? 200 : 502, status,
                    ok ? null : "upstream_error", ok ? "stop" : null, promptTokens, completionTokens, null, null, cost,
                    100L + n, null, userId, "Report Test", "https://referer.example/app", key, "a".repeat(64),
                    ok ? "b".repeat(64) : null, Map.of(), false, null, Routing.none(), violations, null, null, null,
                    null);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    ReportJournal add(String timestamp, String model, String provider, String status, Double cost, Long prompt,
            Long completion, String user, String key, String... violations) {
        entries.add(new Entry(timestamp, model, provider, status, cost, prompt, completion, user, key,
                List.of(violations)));
        return this;
    }

    Path writeTo(Path dir) throws IOException {
        try (JournalWriter writer = JournalWriter.open(dir, JournalRoll.DAILY)) {
            int n = 0;
            for (Entry e : entries) {
                writer.append(e.toRecord(++n));
            }
        }
        return dir;
    }
}
