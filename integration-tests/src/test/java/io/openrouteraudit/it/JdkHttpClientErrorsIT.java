package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.apps.ClientIdentity;
import io.openrouteraudit.sim.SimulatedBehaviour;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Fallbacks, OpenRouter errors, bodies no parser can read, gzip, and calls that fail in the client. */
class JdkHttpClientErrorsIT extends SimulatorPerClass {

    private final JdkClientAppAudit audit = new JdkClientAppAudit(simulator);

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void fallbacksAndOpenRouterErrorsAreRecordedAsSent(TestJdk jdk, @TempDir Path temp) {
        ComparedRuns runs = audit.runUnchanged(jdk, temp,
                "fallback", "error-402", "error-429", "error-500", "provider-error-200");
        assertEquals(5, runs.withAgent().auditedExchanges().size());

        ExportedJournal journal = JdkClientAppAudit.journalMatchingSimulator(runs);

        JsonNode fallback = journal.recordWithModel(SimulatedBehaviour.FALLBACK.modelId());
        assertNotEquals(JsonFields.text(fallback, "model_requested"), JsonFields.text(fallback, "model_used"),
                "a fallback is served by another model");
        List<String> routedModels = new ArrayList<>();
        JsonFields.present(fallback, "routing").path("models").forEach(m -> routedModels.add(m.asText()));
        assertEquals(List.of(SimulatedBehaviour.FALLBACK.modelId(), "anthropic/claude-3.5-haiku", "openai/gpt-4o-mini"),
                routedModels, "routing.models as sent");
        for (String code : List.of("402", "429", "500")) {
            JsonNode error = journal.recordWithModel("sim/error-" + code);
            assertEquals("error", JsonFields.text(error, "status"));
            assertEquals(code, JsonFields.text(error, "error_code"));
            assertEquals(Integer.parseInt(code), JsonFields.integer(error, "http_status"));
        }
        JsonNode providerError = journal.recordWithModel(SimulatedBehaviour.PROVIDER_ERROR_200.modelId());
        assertEquals("error", JsonFields.text(providerError, "finish_reason"));
        assertEquals("error", JsonFields.text(providerError, "status"), "HTTP 200 with a failed choice is an error");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void unreadableAndGzipBodiesReachTheApplicationUnchanged(TestJdk jdk, @TempDir Path temp) {
        ComparedRuns runs = audit.runUnchanged(jdk, temp, "malformed", "html", "empty", "gzip");
        assertEquals(4, runs.withAgent().auditedExchanges().size());

        ExportedJournal journal = JdkClientAppAudit.journalMatchingSimulator(runs);

        JsonNode gzip = journal.recordWithModel(SimulatedBehaviour.GZIP.modelId());
        assertEquals("success", JsonFields.text(gzip, "status"), "a gzip body is inflated for parsing");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void callsThatFailInTheClientAreRecordedWithTheExceptionName(TestJdk jdk, @TempDir Path temp) {
        ComparedRuns runs = audit.runUnchanged(jdk, temp, "timeout", "connect-refused");

        ExportedJournal journal = JdkClientAppAudit.verifiedJournal(runs);

        assertEquals(2, journal.records().size(), "one record per attempted exchange");
        JsonNode timedOut = journal.recordWithModel(SimulatedBehaviour.SLOW.modelId());
        assertEquals("timeout", JsonFields.text(timedOut, "status"));
        assertEquals("HttpTimeoutException", JsonFields.text(timedOut, "error_code"));
        assertNull(JsonFields.integer(timedOut, "http_status"), "no status arrived before the timeout");
        assertTrue(String.valueOf(JsonFields.text(timedOut, "prompt_hash")).matches("[0-9a-f]{64}"),
                "the request was sent, so it has a prompt_hash");
        assertEquals(1, timedOut.path("pii").path("EMAIL").asInt(0), "pii.EMAIL of the sent request");
        assertEquals(1, timedOut.path("pii").path("PHONE").asInt(0), "pii.PHONE of the sent request");

        // A refused connection: the request body never left the application, so only what the
        // request line and headers say can be recorded.
        JsonNode refused = journal.records().stream()
                .filter(r -> "ConnectException".equals(JsonFields.text(r, "error_code")))
                .findFirst().orElseThrow(() -> new AssertionError("no record with error_code ConnectException: "
                        + journal.records()));
        assertEquals("error", JsonFields.text(refused, "status"));
        assertNull(JsonFields.integer(refused, "http_status"));
        assertEquals("/api/v1/chat/completions", JsonFields.text(refused, "endpoint"));
        assertEquals(ClientIdentity.X_TITLE, JsonFields.text(refused, "app_title"));
        assertTrue(JsonFields.text(refused, "key_fingerprint").matches("[0-9a-f]{12}"));
        assertEquals(JsonFields.text(timedOut, "key_fingerprint"), JsonFields.text(refused, "key_fingerprint"),
                "the same key, the same fingerprint");
    }
}
