package io.openrouteraudit.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.capture.CallerSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenAiAttributesTest {

    private static final String PROMPT_JSON =
            "[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Mail [EMAIL] now\"}]";

    @Test
    void aSuccessfulChatCarriesTheConventionsAttributesFromTheRecord() {
        Attributes a = GenAiAttributes.span(job(record("success", 200, null, "Hello", PROMPT_JSON)));

        assertEquals("chat", a.get(GenAiAttributes.OPERATION_NAME));
        assertEquals("openrouter", a.get(GenAiAttributes.GEN_AI_PROVIDER));
        assertEquals("openai/gpt-4o", a.get(GenAiAttributes.REQUEST_MODEL));
        assertEquals("openai/gpt-4o-2024", a.get(GenAiAttributes.RESPONSE_MODEL));
        assertEquals("gen-1", a.get(GenAiAttributes.RESPONSE_ID));
        assertEquals(List.of("stop"), a.get(GenAiAttributes.FINISH_REASONS));
        assertEquals(18L, a.get(GenAiAttributes.INPUT_TOKENS));
        assertEquals(40L, a.get(GenAiAttributes.OUTPUT_TOKENS));
        assertEquals(0.0032, a.get(GenAiAttributes.USAGE_COST));
        assertEquals(0.0032, a.get(GenAiAttributes.OR_COST));
        assertEquals("openrouter.ai", a.get(GenAiAttributes.SERVER_ADDRESS));
        assertEquals(443L, a.get(GenAiAttributes.SERVER_PORT));
        assertEquals("POST", a.get(GenAiAttributes.HTTP_METHOD));
        assertEquals(200L, a.get(GenAiAttributes.HTTP_STATUS));
        assertEquals(256L, a.get(AttributeKey.longKey("gen_ai.request.max_tokens")));
        assertEquals(0.2, a.get(AttributeKey.doubleKey("gen_ai.request.temperature")));
        assertEquals(List.of("END"), a.get(AttributeKey.stringArrayKey("gen_ai.request.stop_sequences")));
        assertEquals("user-7", a.get(GenAiAttributes.USER_ID));
        assertEquals("user-7", a.get(GenAiAttributes.LANGFUSE_USER));
        assertEquals("sess-1", a.get(GenAiAttributes.LANGFUSE_SESSION));
        assertEquals("sess-1", a.get(GenAiAttributes.CONVERSATION_ID));
        assertEquals("generation", a.get(GenAiAttributes.LANGFUSE_TYPE));
        assertEquals("OpenAI", a.get(GenAiAttributes.OR_PROVIDER));
        assertEquals(2L, a.get(AttributeKey.longKey("openrouter.pii.EMAIL")));
        assertEquals("a".repeat(64), a.get(GenAiAttributes.OR_PROMPT_HASH));
        assertNull(a.get(GenAiAttributes.ERROR_TYPE));
        assertFalse(GenAiAttributes.isFailure(job(record("success", 200, null, null, null)).record()));
    }

    @Test
    void aFailedCallNamesItsErrorType() {
        Attributes byCode = GenAiAttributes.span(job(record("error", 429, "429", null, null)));
        Attributes byException = GenAiAttributes.span(job(record("timeout", null, "HttpTimeoutException", null, null)));
        Attributes byStatus = GenAiAttributes.span(job(record("error", 502, null, null, null)));
        Attributes blocked = GenAiAttributes.span(job(record("blocked", null, null, null, null)));

        assertEquals("429", byCode.get(GenAiAttributes.ERROR_TYPE));
        assertEquals("HttpTimeoutException", byException.get(GenAiAttributes.ERROR_TYPE));
        assertEquals("502", byStatus.get(GenAiAttributes.ERROR_TYPE));
        assertEquals("blocked", blocked.get(GenAiAttributes.ERROR_TYPE));
        assertNull(GenAiAttributes.span(job(record("incomplete", 200, null, null, null))).get(GenAiAttributes.ERROR_TYPE),
                "an answer the application dropped unread is not a failed call");
    }

    @Test
    void theBrokenPolicyRulesAreASpanAttributeInTheRecordsOrder() {
        Attributes a = GenAiAttributes.span(job(record("blocked", null, null, null, null,
                List.of("model", "max-tokens", "budget"))));

        assertEquals(List.of("model", "max-tokens", "budget"),
                a.get(AttributeKey.stringArrayKey("openrouter.policy.violations")));
    }

    @Test
    void aCallThatBrokeNoRuleHasNoViolationsAttribute() {
        Attributes a = GenAiAttributes.span(job(record("success", 200, null, null, null)));

        assertNull(a.get(AttributeKey.stringArrayKey("openrouter.policy.violations")));
        assertNull(GenAiAttributes.metric(job(record("success", 200, null, null, null, List.of("zdr"))))
                .get(AttributeKey.stringArrayKey("openrouter.policy.violations")), "metrics stay low-cardinality");
    }

    @Test
    void contentNoneLeavesNoMessageAttributes() {
        Attributes a = GenAiAttributes.span(job(record("success", 200, null, null, null)));

        for (AttributeKey<String> key : List.of(GenAiAttributes.INPUT_MESSAGES, GenAiAttributes.OUTPUT_MESSAGES,
                GenAiAttributes.LANGFUSE_INPUT, GenAiAttributes.LANGFUSE_OUTPUT)) {
            assertNull(a.get(key), key.getKey());
        }
    }

    @Test
    void contentGivesTheRedactedMessagesInTheConventionsAndLangfusesShapes() {
        Attributes a = GenAiAttributes.span(job(record("success", 200, null, "Sent to [EMAIL].", PROMPT_JSON)));

        assertEquals("[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Be brief.\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Mail [EMAIL] now\"}]}]",
                a.get(GenAiAttributes.INPUT_MESSAGES));
        assertEquals("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Sent to [EMAIL].\"}],"
                + "\"finish_reason\":\"stop\"}]", a.get(GenAiAttributes.OUTPUT_MESSAGES));
        assertEquals(PROMPT_JSON, a.get(GenAiAttributes.LANGFUSE_INPUT));
        assertEquals("{\"role\":\"assistant\",\"content\":\"Sent to [EMAIL].\"}", a.get(GenAiAttributes.LANGFUSE_OUTPUT));
    }

    @Test
    void noCustomAttributeUsesANameLangfuseReadsAsItsOwn() {
        Attributes a = GenAiAttributes.span(job(record("success", 200, null, "x", PROMPT_JSON)));

        a.forEach((key, value) -> {
            String name = key.getKey();
            assertFalse(List.of("prompt", "input", "output", "events").contains(name), name);
            assertTrue(name.contains("."), "a namespaced name: " + name);
        });
    }

    @Test
    void metricAttributesAreFewAndBounded() {
        Attributes a = GenAiAttributes.metric(job(record("error", 429, "429", null, null)));

        assertEquals(Map.of("gen_ai.operation.name", "chat", "gen_ai.provider.name", "openrouter",
                        "gen_ai.request.model", "openai/gpt-4o", "gen_ai.response.model", "openai/gpt-4o-2024",
                        "openrouter.provider", "OpenAI", "openrouter.status", "error", "server.address", "openrouter.ai",
                        "server.port", 443L, "http.response.status_code", 429L, "error.type", "429"),
                asMap(a));
    }

    @Test
    void theOperationAndSpanNameFollowTheEndpoint() {
        assertEquals("chat", GenAiOperation.of("/api/v1/chat/completions"));
        assertEquals("text_completion", GenAiOperation.of("/api/v1/completions"));
        assertEquals("embeddings", GenAiOperation.of("/api/v1/embeddings"));
        assertEquals("chat", GenAiOperation.of("/api/v1/responses"));
        assertEquals("models", GenAiOperation.of("/api/v1/models"));
        assertEquals("chat openai/gpt-4o", GenAiOperation.spanName("chat", "openai/gpt-4o"));
        assertEquals("models", GenAiOperation.spanName("models", null));
    }

    private static Map<String, Object> asMap(Attributes attributes) {
        Map<String, Object> map = new LinkedHashMap<>();
        attributes.forEach((key, value) -> map.put(key.getKey(), value));
        return map;
    }

    static ExportJob job(AuditRecord record) {
        return new ExportJob(record, new CallerSpan("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true),
                "openrouter.ai", 443, 1_000_000_000L, 250_000_000L);
    }

    static AuditRecord record(String status, Integer httpStatus, String errorCode, String completion, String prompt) {
        return record(status, httpStatus, errorCode, completion, prompt, List.of());
    }

    static AuditRecord record(String status, Integer httpStatus, String errorCode, String completion, String prompt,
                              List<String> policyViolations) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("max_tokens", 256L);
        parameters.put("temperature", 0.2);
        parameters.put("stop", "END");
        return new AuditRecord(Instant.parse("2026-11-23T10:15:30.123Z"), "gen-1", "jdk-httpclient", "POST",
                "/api/v1/chat/completions", "openai/gpt-4o", "openai/gpt-4o-2024", "OpenAI", false, httpStatus,
                status, errorCode, "stop", 18L, 40L, null, null, 0.0032, 412L, null, "user-7", null, null,
                "0123456789ab", "a".repeat(64), "b".repeat(64), Map.of("EMAIL", 2), false, "sess-1", null,
                policyViolations, "0af7651916cd43dd8448eb211c80319c", "00f067aa0ba902b7", prompt, completion, parameters);
    }
}
