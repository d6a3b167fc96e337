package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openrouteraudit.apps.ChatRequestBodies;
import io.openrouteraudit.apps.ClientIdentity;
import io.openrouteraudit.sim.RecordedExchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The journal assertions of the integration tests, checked without the agent: they accept the
 * export a correct agent would print for real simulator exchanges, and each kind of wrong
 * record makes them fail.
 */
class JournalAssertionsTest extends SimulatorPerClass {

    private static final String CLIENT = JdkClientAppAudit.CLIENT;

    private List<RecordedExchange> exchanges;

    @TempDir
    Path journalDir;

    @BeforeAll
    void callTheSimulatorOnceForEveryKindOfResponse() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> bodies = List.of(
                ChatRequestBodies.chat("openai/gpt-4o-mini", "json"),
                ChatRequestBodies.chat("openai/gpt-4o-mini", "cut", 8),
                ChatRequestBodies.chatStream("deepseek/deepseek-chat-v3.1", "stream"),
                ChatRequestBodies.chatStream("sim/stream-usage-empty-choices", "stream-documented"),
                ChatRequestBodies.chatStream("sim/stream-midstream-error", "stream-error"),
                ChatRequestBodies.chatWithFallbacks(List.of("sim/fallback", "anthropic/claude-3.5-haiku"), "fallback"),
                ChatRequestBodies.chat("sim/error-402", "402"),
                ChatRequestBodies.chat("sim/provider-error-200", "provider-error"),
                ChatRequestBodies.chat("sim/malformed", "malformed"),
                ChatRequestBodies.chat("sim/gzip", "gzip"));
        for (String body : bodies) {
            client.send(post("/api/v1/chat/completions", body), HttpResponse.BodyHandlers.ofByteArray());
        }
        client.send(post("/api/v1/completions", ChatRequestBodies.legacyCompletion("openai/gpt-4o-mini", "legacy")),
                HttpResponse.BodyHandlers.ofString());
        exchanges = simulator.exchangesSince(0);
    }

    @Test
    void theRecordsOfACorrectAgentPass() {
        journal(ReferenceRecords.of(exchanges, CLIENT))
                .assertWellFormed(CLIENT)
                .assertOneRecordPerExchange(exchanges, JdkClientAppAudit.EXPECTATIONS)
                .assertNoSecrets();
    }

    @Test
    void aWrongCostFails() {
        assertRecordsFail(records -> records.get(0).put("total_cost", 0.5));
    }

    @Test
    void aMissingGenerationIdFails() {
        assertRecordsFail(records -> records.get(2).putNull("generation_id"));
    }

    @Test
    void aMissingTimeToFirstTokenOnAStreamFails() {
        assertRecordsFail(records -> records.get(2).putNull("ttft_ms"));
    }

    @Test
    void aCostAsTextFails() {
        assertRecordsFail(records -> records.get(0).put("total_cost", "0.0001"));
    }

    @Test
    void aWrongPiiCountFails() {
        assertRecordsFail(records -> ((ObjectNode) records.get(0).get("pii")).put("EMAIL", 2));
    }

    @Test
    void aMissingRecordFails() {
        assertRecordsFail(records -> records.remove(records.size() - 1));
    }

    @Test
    void aGapInSeqFails() {
        List<ObjectNode> records = ReferenceRecords.of(exchanges, CLIENT);
        records.get(3).put("seq", 99);
        assertThrows(AssertionFailedError.class, () -> journal(records).assertWellFormed(CLIENT));
    }

    @Test
    void aBrokenChainFails() {
        List<ObjectNode> records = ReferenceRecords.of(exchanges, CLIENT);
        records.get(3).put("prev_hash", ReferenceRecords.sha256("not the previous record"));
        assertThrows(AssertionFailedError.class, () -> journal(records).assertWellFormed(CLIENT));
    }

    @Test
    void anEmailAddressInTheExportFails() {
        List<ObjectNode> records = ReferenceRecords.of(exchanges, CLIENT);
        records.get(1).put("user_id", ClientIdentity.EMAIL);
        assertThrows(AssertionFailedError.class, () -> journal(records).assertNoSecrets());
    }

    @Test
    void aVerifyCountThatDiffersFromTheExportFails() {
        String jsonl = ReferenceRecords.jsonl(ReferenceRecords.of(exchanges, CLIENT));
        assertThrows(AssertionFailedError.class, () -> ExportedJournal.of(journalDir,
                output(jsonl), output("OK " + (exchanges.size() + 1) + " records\n")));
    }

    private void assertRecordsFail(Consumer<List<ObjectNode>> damage) {
        List<ObjectNode> records = new java.util.ArrayList<>(ReferenceRecords.of(exchanges, CLIENT));
        damage.accept(records);
        assertThrows(AssertionFailedError.class, () -> journal(records)
                .assertOneRecordPerExchange(exchanges, JdkClientAppAudit.EXPECTATIONS));
    }

    private ExportedJournal journal(List<ObjectNode> records) {
        return ExportedJournal.of(journalDir, output(ReferenceRecords.jsonl(records)),
                output("OK " + records.size() + " records\n"));
    }

    private static ForkedJvmResult output(String stdout) {
        return new ForkedJvmResult(List.of("(reference)"), 0, stdout, "");
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .header("Authorization", "Bearer " + ClientIdentity.API_KEY)
                .header("HTTP-Referer", ClientIdentity.HTTP_REFERER)
                .header("X-Title", ClientIdentity.X_TITLE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
