package io.openrouteraudit.bench;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.openrouter.Routing;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records shaped like a typical chat completion's, for the journal benchmarks. */
public final class TypicalRecords {

    private TypicalRecords() {
    }

    /** Metadata only (prompt and completion not stored): the default configuration. */
    public static AuditRecord metadataOnly() {
        return record(null, null);
    }

    /** With a 2 KB redacted prompt and a 1 KB completion stored as well. */
    public static AuditRecord withPromptAndCompletion() {
        return record(HotPathBenchmark.promptText(2048),
                "Ticket 4411: duplicate invoice charges after a plan change; refund approved. ".repeat(13));
    }

    /** Shaped as RecordAssembler builds it: an unmodifiable LinkedHashMap. */
    private static Map<String, Integer> piiCounts() {
        Map<String, Integer> pii = new LinkedHashMap<>();
        pii.put("EMAIL", 1);
        return Collections.unmodifiableMap(pii);
    }

    private static AuditRecord record(String prompt, String completion) {
        return new AuditRecord(Instant.now(), "gen-1766107352-qwhPp17HeXK7ivKFmPFa", "jdk-httpclient", "POST",
                "/api/v1/chat/completions", "google/gemini-3-flash-preview", "google/gemini-3-flash-preview",
                "Google", false, 200, "success", null, "stop", 18L, 1067L, 826L, 0L, 0.00321, 412L, null,
                "user-1234", "Billing Service", "https://billing.example", "0123456789ab", "a".repeat(64),
                "b".repeat(64), piiCounts(), false, "session-9",
                new Routing(null, List.of("Google"), null, null, false, "deny", null, 1024L),
                List.of(), null, null, prompt, completion);
    }
}
