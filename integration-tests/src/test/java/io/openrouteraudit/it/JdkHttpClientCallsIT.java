package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.sim.RecordedExchange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** send, several sendAsync in flight, HTTP/2 asked for, the legacy endpoint, and a host that is not audited. */
class JdkHttpClientCallsIT extends SimulatorPerClass {

    private final JdkClientAppAudit audit = new JdkClientAppAudit(simulator);

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void syncAsyncHttp2AndLegacyCallsAreRecordedAsTheSimulatorSentThem(TestJdk jdk, @TempDir Path temp) {
        ComparedRuns runs = audit.runUnchanged(jdk, temp,
                "sync-send", "async-in-flight", "http2-requested", "legacy-completions");
        List<RecordedExchange> audited = runs.withAgent().auditedExchanges();
        assertEquals(8, audited.size(), "1 sync + 4 async + 1 async stream + 1 HTTP/2 + 1 legacy call");

        ExportedJournal journal = JdkClientAppAudit.journalMatchingSimulator(runs);

        JsonNode truncated = journal.recordFor(exchangeWithBodyContaining(audited, "[sync-send]"));
        assertEquals("length", JsonFields.text(truncated, "finish_reason"), "a max_tokens cut is recorded");
        JsonNode legacy = journal.recordFor(exchangeWithBodyContaining(audited, "[legacy-completions]"));
        assertEquals("/api/v1/completions", JsonFields.text(legacy, "endpoint"));
        JsonNode asyncStream = journal.recordFor(exchangeWithBodyContaining(audited, "[async-in-flight-stream]"));
        assertEquals(Boolean.TRUE, JsonFields.bool(asyncStream, "stream"));
        List<String> fingerprints = journal.records().stream()
                .map(r -> JsonFields.text(r, "key_fingerprint")).distinct().toList();
        assertEquals(1, fingerprints.size(), "one API key, one key_fingerprint: " + fingerprints);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void aHostNotListedInHostsLeavesNoRecord(TestJdk jdk, @TempDir Path temp) {
        ComparedRuns runs = audit.runUnchanged(jdk, temp, "not-audited-host", "sync-send");
        List<RecordedExchange> all = runs.withAgent().exchanges();
        assertEquals(2, all.size(), "both calls reached the simulator");
        RecordedExchange notAudited = all.stream()
                .filter(e -> "localhost".equals(e.request().hostName())).findFirst().orElseThrow();

        ExportedJournal journal = JdkClientAppAudit.journalMatchingSimulator(runs);

        assertEquals(1, journal.records().size(), "only the call to 127.0.0.1 is audited");
        String unexpectedId = notAudited.response().facts().generationId();
        assertTrue(journal.records().stream()
                        .noneMatch(r -> unexpectedId.equals(JsonFields.text(r, "generation_id"))),
                "no record of the call to localhost");
    }

    static RecordedExchange exchangeWithBodyContaining(List<RecordedExchange> exchanges, String text) {
        return exchanges.stream().filter(e -> e.request().bodyText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no request containing " + text));
    }
}
