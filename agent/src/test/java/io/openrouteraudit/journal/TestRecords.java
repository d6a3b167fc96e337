package io.openrouteraudit.journal;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.openrouter.Routing;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Records of a realistic shape for journal tests, here and in the packages that read journals back. */
public final class TestRecords {

    private TestRecords() {
    }

    static AuditRecord record(String generationId, double cost) {
        return record(Instant.parse("2026-11-23T10:15:30.123Z"), generationId, cost);
    }

    /** @param cost the record's {@code total_cost}, or {@code null} for a call without one */
    public static AuditRecord record(Instant timestamp, String generationId, Double cost) {
        return new AuditRecord(timestamp, generationId, "jdk-httpclient", "POST",
                "/api/v1/chat/completions", "openai/gpt-4o", "openai/gpt-4o", "OpenAI", false, 200, "success",
                null, "stop", 18L, 1067L, 826L, 0L, cost, 412L, null, "user-[EMAIL]", "My \"App\"", "https://example.test",
                "0123456789ab", "a".repeat(64), "b".repeat(64), Map.of("EMAIL", 2), false, null,
                new Routing(List.of("a/b", "c/d"), null, List.of("OpenAI"), null, false, "deny", true, 256L),
                List.of(), null, null, null, "line1\nline2\u0001");
    }
}
