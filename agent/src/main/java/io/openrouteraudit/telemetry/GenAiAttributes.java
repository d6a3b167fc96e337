package io.openrouteraudit.telemetry;

import io.openrouteraudit.audit.AuditRecord;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.List;
import java.util.Map;

/**
 * Record to attributes, in one place: the GenAI semantic conventions (SPEC section 6), the names
 * Langfuse reads, and {@code openrouter.*} for what the conventions lack. Only what the record
 * holds leaves: it is already redacted and hashed, and carries text only when {@code content}
 * asks for it. Custom names never use {@code prompt}, {@code input}, {@code output} or
 * {@code events}, which Langfuse reads as its own.
 */
final class GenAiAttributes {

    static final String PROVIDER_NAME = "openrouter";

    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> GEN_AI_PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
    static final AttributeKey<List<String>> FINISH_REASONS = AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    // Not in the conventions; Langfuse reads it as the generation's cost.
    static final AttributeKey<Double> USAGE_COST = AttributeKey.doubleKey("gen_ai.usage.cost");
    static final AttributeKey<String> CONVERSATION_ID = AttributeKey.stringKey("gen_ai.conversation.id");
    static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
    static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
    static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");

    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> USER_ID = AttributeKey.stringKey("user.id");

    static final AttributeKey<String> LANGFUSE_USER = AttributeKey.stringKey("langfuse.user.id");
    static final AttributeKey<String> LANGFUSE_SESSION = AttributeKey.stringKey("langfuse.session.id");
    static final AttributeKey<String> LANGFUSE_TYPE = AttributeKey.stringKey("langfuse.observation.type");
    static final AttributeKey<String> LANGFUSE_INPUT = AttributeKey.stringKey("langfuse.observation.input");
    static final AttributeKey<String> LANGFUSE_OUTPUT = AttributeKey.stringKey("langfuse.observation.output");

    static final AttributeKey<String> OR_PROVIDER = AttributeKey.stringKey("openrouter.provider");
    static final AttributeKey<String> OR_STATUS = AttributeKey.stringKey("openrouter.status");
    static final AttributeKey<String> OR_CLIENT = AttributeKey.stringKey("openrouter.client");
    static final AttributeKey<String> OR_ERROR_CODE = AttributeKey.stringKey("openrouter.error_code");
    static final AttributeKey<Double> OR_COST = AttributeKey.doubleKey("openrouter.cost");
    static final AttributeKey<Boolean> OR_STREAM = AttributeKey.booleanKey("openrouter.stream");
    static final AttributeKey<Long> OR_TTFT = AttributeKey.longKey("openrouter.ttft_ms");
    static final AttributeKey<Long> OR_LATENCY = AttributeKey.longKey("openrouter.latency_ms");
    static final AttributeKey<Long> OR_REASONING = AttributeKey.longKey("openrouter.usage.reasoning_tokens");
    static final AttributeKey<Long> OR_CACHED = AttributeKey.longKey("openrouter.usage.cached_tokens");
    static final AttributeKey<String> OR_PROMPT_HASH = AttributeKey.stringKey("openrouter.prompt_hash");
    static final AttributeKey<String> OR_COMPLETION_HASH = AttributeKey.stringKey("openrouter.completion_hash");
    static final AttributeKey<String> OR_KEY = AttributeKey.stringKey("openrouter.key_fingerprint");
    static final AttributeKey<String> OR_APP_TITLE = AttributeKey.stringKey("openrouter.app_title");
    static final AttributeKey<String> OR_APP_REFERER = AttributeKey.stringKey("openrouter.app_referer");
    static final AttributeKey<Boolean> OR_TRUNCATED = AttributeKey.booleanKey("openrouter.truncated");
    static final AttributeKey<List<String>> OR_POLICY = AttributeKey.stringArrayKey("openrouter.policy.violations");
    static final String OR_PII_PREFIX = "openrouter.pii.";

    private GenAiAttributes() {
    }

    /** Every attribute of the exchange's span (and of its audit log record). */
    static Attributes span(ExportJob job) {
        AuditRecord r = job.record();
        String operation = GenAiOperation.of(r.endpoint());
        AttributesBuilder b = Attributes.builder();
        common(b, job, operation);
        requestParameters(b, r.requestParameters());
        putString(b, RESPONSE_ID, r.generationId());
        if (r.finishReason() != null) {
            b.put(FINISH_REASONS, List.of(r.finishReason()));
        }
        putLong(b, INPUT_TOKENS, r.promptTokens());
        putLong(b, OUTPUT_TOKENS, r.completionTokens());
        putDouble(b, USAGE_COST, r.totalCost());
        putString(b, HTTP_METHOD, r.method());
        putString(b, URL_PATH, r.endpoint());
        putString(b, USER_ID, r.userId());
        putString(b, LANGFUSE_USER, r.userId());
        putString(b, CONVERSATION_ID, r.sessionId());
        putString(b, LANGFUSE_SESSION, r.sessionId());
        if (GenAiOperation.isGeneration(operation)) {
            b.put(LANGFUSE_TYPE, "generation");
        }
        putString(b, OR_CLIENT, r.client());
        putString(b, OR_ERROR_CODE, r.errorCode());
        putDouble(b, OR_COST, r.totalCost());
        b.put(OR_STREAM, r.stream());
        putLong(b, OR_TTFT, r.ttftMs());
        putLong(b, OR_LATENCY, r.latencyMs());
        putLong(b, OR_REASONING, r.reasoningTokens());
        putLong(b, OR_CACHED, r.cachedTokens());
        putString(b, OR_PROMPT_HASH, r.promptHash());
        putString(b, OR_COMPLETION_HASH, r.completionHash());
        putString(b, OR_KEY, r.keyFingerprint());
        putString(b, OR_APP_TITLE, r.appTitle());
        putString(b, OR_APP_REFERER, r.appReferer());
        b.put(OR_TRUNCATED, r.truncated());
        if (r.policyViolations() != null && !r.policyViolations().isEmpty()) {
            b.put(OR_POLICY, List.copyOf(r.policyViolations()));
        }
        if (r.pii() != null) {
            for (Map.Entry<String, Integer> e : r.pii().entrySet()) {
                b.put(AttributeKey.longKey(OR_PII_PREFIX + e.getKey()), e.getValue().longValue());
            }
        }
        content(b, r);
        return b.build();
    }

    /** The attributes of the metrics: few values each, so the series stay few. */
    static Attributes metric(ExportJob job) {
        AttributesBuilder b = Attributes.builder();
        common(b, job, GenAiOperation.of(job.record().endpoint()));
        return b.build();
    }

    private static void common(AttributesBuilder b, ExportJob job, String operation) {
        AuditRecord r = job.record();
        b.put(OPERATION_NAME, operation);
        b.put(GEN_AI_PROVIDER, PROVIDER_NAME);
        putString(b, REQUEST_MODEL, r.modelRequested());
        putString(b, RESPONSE_MODEL, r.modelUsed());
        putString(b, OR_PROVIDER, r.provider());
        putString(b, OR_STATUS, r.status());
        putString(b, SERVER_ADDRESS, job.serverAddress());
        if (job.serverPort() > 0) {
            b.put(SERVER_PORT, (long) job.serverPort());
        }
        if (r.httpStatus() != null) {
            b.put(HTTP_STATUS, r.httpStatus().longValue());
        }
        putString(b, ERROR_TYPE, errorType(r));
    }

    /** Whether the span's status is ERROR: the call failed, timed out, was refused or cancelled. */
    static boolean isFailure(AuditRecord r) {
        String status = r.status();
        return status != null && switch (status) {
            case "error", "timeout", "blocked", "cancelled" -> true;
            default -> false;
        };
    }

    /** {@code error.type}: OpenRouter's error code or the exception's name, else the HTTP status or outcome. */
    static String errorType(AuditRecord r) {
        if (!isFailure(r)) {
            return null;
        }
        if (r.errorCode() != null && !r.errorCode().isEmpty()) {
            return r.errorCode();
        }
        if (r.httpStatus() != null && r.httpStatus() >= 400) {
            return Integer.toString(r.httpStatus());
        }
        return r.status();
    }

    private static void requestParameters(AttributesBuilder b, Map<String, Object> p) {
        if (p == null || p.isEmpty()) {
            return;
        }
        Object maxTokens = p.containsKey("max_completion_tokens") ? p.get("max_completion_tokens")
                : p.containsKey("max_tokens") ? p.get("max_tokens") : p.get("max_output_tokens");
        if (maxTokens instanceof Number n) {
            b.put(AttributeKey.longKey("gen_ai.request.max_tokens"), n.longValue());
        }
        putNumber(b, "gen_ai.request.temperature", p.get("temperature"));
        putNumber(b, "gen_ai.request.top_p", p.get("top_p"));
        putNumber(b, "gen_ai.request.top_k", p.get("top_k"));
        putNumber(b, "gen_ai.request.frequency_penalty", p.get("frequency_penalty"));
        putNumber(b, "gen_ai.request.presence_penalty", p.get("presence_penalty"));
        if (p.get("seed") instanceof Number n) {
            b.put(AttributeKey.longKey("gen_ai.request.seed"), n.longValue());
        }
        Object stop = p.get("stop");
        if (stop instanceof String s) {
            b.put(AttributeKey.stringArrayKey("gen_ai.request.stop_sequences"), List.of(s));
        } else if (stop instanceof List<?> list) {
            b.put(AttributeKey.stringArrayKey("gen_ai.request.stop_sequences"), stringsOf(list));
        }
    }

    private static void content(AttributesBuilder b, AuditRecord r) {
        if (r.prompt() != null) {
            b.put(LANGFUSE_INPUT, r.prompt());
            String messages = GenAiMessages.input(r.prompt());
            if (messages != null) {
                b.put(INPUT_MESSAGES, messages);
            }
        }
        if (r.completion() != null) {
            b.put(LANGFUSE_OUTPUT, GenAiMessages.assistantMessage(r.completion()));
            b.put(OUTPUT_MESSAGES, GenAiMessages.output(r.completion(), r.finishReason()));
        }
    }

    private static List<String> stringsOf(List<?> list) {
        String[] out = new String[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = String.valueOf(list.get(i));
        }
        return List.of(out);
    }

    private static void putNumber(AttributesBuilder b, String key, Object value) {
        if (value instanceof Number n) {
            b.put(AttributeKey.doubleKey(key), n.doubleValue());
        }
    }

    private static void putString(AttributesBuilder b, AttributeKey<String> key, String value) {
        if (value != null) {
            b.put(key, value);
        }
    }

    private static void putLong(AttributesBuilder b, AttributeKey<Long> key, Long value) {
        if (value != null) {
            b.put(key, value);
        }
    }

    private static void putDouble(AttributesBuilder b, AttributeKey<Double> key, Double value) {
        if (value != null) {
            b.put(key, value);
        }
    }
}
