package io.openrouteraudit.it;

import static io.openrouteraudit.it.JsonFields.bool;
import static io.openrouteraudit.it.JsonFields.decimal;
import static io.openrouteraudit.it.JsonFields.integer;
import static io.openrouteraudit.it.JsonFields.present;
import static io.openrouteraudit.it.JsonFields.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.apps.ClientIdentity;
import io.openrouteraudit.sim.ChatRequest;
import io.openrouteraudit.sim.ReceivedRequest;
import io.openrouteraudit.sim.RecordedExchange;
import io.openrouteraudit.sim.ResponseFacts;
import io.openrouteraudit.sim.SentResponse;
import java.math.BigDecimal;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the journal record of one exchange must say, derived from what the simulator received
 * and sent (SPEC §4), for the default configuration ({@code content=none}, no policy).
 */
final class RecordExpectations {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final String PROMPT_HASH = "[0-9a-f]{64}";
    private static final String KEY_FINGERPRINT = "[0-9a-f]{12}";

    private final String client;

    RecordExpectations(String client) {
        this.client = client;
    }

    void assertMatches(JsonNode record, RecordedExchange exchange) {
        SentResponse response = exchange.response();
        ResponseFacts sent = response.facts();
        String about = " — record " + record + "\nfor " + ExchangeKey.of(exchange);

        assertRequestSide(record, exchange);
        assertEquals(response.status(), integer(record, "http_status"), "http_status" + about);
        assertEquals(sent.stream(), bool(record, "stream"), "stream" + about);

        if (sent.wellFormed()) {
            assertEquals(sent.generationId(), text(record, "generation_id"), "generation_id" + about);
            assertEquals(sent.modelUsed(), text(record, "model_used"), "model_used" + about);
            assertEquals(sent.provider(), text(record, "provider"), "provider" + about);
            assertEquals(sent.finishReason(), text(record, "finish_reason"), "finish_reason" + about);
            assertEquals(sent.promptTokens(), integer(record, "prompt_tokens"), "prompt_tokens" + about);
            assertEquals(sent.completionTokens(), integer(record, "completion_tokens"), "completion_tokens" + about);
            assertEquals(sent.reasoningTokens(), integer(record, "reasoning_tokens"), "reasoning_tokens" + about);
            assertEquals(sent.cachedTokens(), integer(record, "cached_tokens"), "cached_tokens" + about);
            assertSameAmount(sent.cost(), decimal(record, "total_cost"), () -> "total_cost" + about);
            assertEquals(sent.errorCode(), text(record, "error_code"), "error_code" + about);
            boolean failed = response.status() >= 400 || sent.errorCode() != null;
            assertEquals(failed ? "error" : "success", text(record, "status"), "status" + about);
            String completionHash = text(record, "completion_hash");
            if (sent.completionText() == null) {
                assertNull(completionHash, "completion_hash with no completion" + about);
            } else if (!sent.completionText().isEmpty()) {
                assertTrue(completionHash != null && completionHash.matches(PROMPT_HASH), "completion_hash" + about);
            }
        } else {
            // Nothing OpenRouter-shaped arrived: no facts may be invented from it.
            assertNull(text(record, "generation_id"), "generation_id of an unreadable body" + about);
            assertNull(integer(record, "prompt_tokens"), "prompt_tokens of an unreadable body" + about);
            assertNull(integer(record, "completion_tokens"), "completion_tokens of an unreadable body" + about);
            assertNull(decimal(record, "total_cost"), "total_cost of an unreadable body" + about);
            assertTrue(Set.of("success", "error").contains(text(record, "status")), "status" + about);
        }

        BigDecimal latency = decimal(record, "latency_ms");
        BigDecimal ttft = decimal(record, "ttft_ms");
        if (sent.stream() && sent.completionText() != null && !sent.completionText().isEmpty()) {
            assertTrue(ttft != null && ttft.signum() >= 0 && ttft.compareTo(latency) <= 0,
                    "ttft_ms of a stream with content, between 0 and latency_ms" + about);
        } else if (!sent.stream()) {
            assertNull(ttft, "ttft_ms is for streams only" + about);
        }
    }

    /**
     * What the record must say of the request, whatever became of the response: client,
     * method, endpoint, requested model, app headers, routing.max_tokens, hashes, fingerprint,
     * pii counts, and the shape every record has in these tests.
     */
    void assertRequestSide(JsonNode record, RecordedExchange exchange) {
        ReceivedRequest request = exchange.request();
        ChatRequest chat = ChatRequest.parse(request.body());
        String about = " — record " + record + "\nfor " + ExchangeKey.of(exchange);
        assertEquals(client, text(record, "client"), "client" + about);
        assertEquals(request.method(), text(record, "method"), "method" + about);
        assertEquals(request.path(), text(record, "endpoint"), "endpoint" + about);
        assertEquals(chat.model(), text(record, "model_requested"), "model_requested" + about);
        assertEquals(request.header("X-Title"), text(record, "app_title"), "app_title" + about);
        assertEquals(request.header("HTTP-Referer"), text(record, "app_referer"), "app_referer" + about);
        assertEquals(chat.maxTokens(), integer(present(record, "routing"), "max_tokens"), "routing.max_tokens" + about);
        assertCommonShape(record, about);
        assertPiiCounts(record, request, about);
    }

    /** The fields every record has the same way in these tests. */
    private static void assertCommonShape(JsonNode record, String about) {
        assertTrue(text(record, "timestamp").matches(TIMESTAMP), "timestamp as ISO-8601 UTC with ms" + about);
        BigDecimal latency = decimal(record, "latency_ms");
        assertTrue(latency != null && latency.signum() >= 0, "latency_ms" + about);
        String promptHash = text(record, "prompt_hash");
        assertTrue(promptHash != null && promptHash.matches(PROMPT_HASH), "prompt_hash: 64 hex" + about);
        String fingerprint = text(record, "key_fingerprint");
        assertTrue(fingerprint != null && fingerprint.matches(KEY_FINGERPRINT), "key_fingerprint: 12 hex" + about);
        assertEquals(Boolean.FALSE, bool(record, "truncated"), "truncated" + about);
        assertNull(text(record, "prompt"), "prompt with content=none" + about);
        assertNull(text(record, "completion"), "completion with content=none" + about);
        JsonNode violations = present(record, "policy_violations");
        assertTrue(violations.isArray() && violations.size() == 0, "policy_violations with no policy" + about);
    }

    private static void assertPiiCounts(JsonNode record, ReceivedRequest request, String about) {
        JsonNode pii = present(record, "pii");
        assertTrue(pii.isObject(), "pii is an object" + about);
        String body = request.bodyText();
        assertEquals(occurrences(body, ClientIdentity.EMAIL), pii.path("EMAIL").asInt(0), "pii.EMAIL" + about);
        assertEquals(occurrences(body, ClientIdentity.PHONE), pii.path("PHONE").asInt(0), "pii.PHONE" + about);
    }

    static void assertSameAmount(BigDecimal expected, BigDecimal actual, Supplier<String> message) {
        if (expected == null) {
            assertNull(actual, message);
        } else {
            assertTrue(actual != null && expected.doubleValue() == actual.doubleValue(),
                    () -> message.get() + ": expected " + expected.toPlainString() + " but was " + actual);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
