package io.openrouteraudit.audit;

import io.openrouteraudit.openrouter.Routing;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One audited exchange, redacted and hashed: everything of SPEC section 4 except what the
 * journal assigns when it appends ({@code seq}, {@code prev_hash}, {@code record_hash}).
 * Nothing in here may be a secret or an unredacted text (unless {@code content=full}).
 *
 * <p>{@code requestParameters} (the request's sampling parameters, for the span's
 * {@code gen_ai.request.*}) is not part of the journal record.
 */
public record AuditRecord(
        Instant timestamp,
        String generationId,
        String client,
        String method,
        String endpoint,
        String modelRequested,
        String modelUsed,
        String provider,
        boolean stream,
        Integer httpStatus,
        String status,
        String errorCode,
        String finishReason,
        Long promptTokens,
        Long completionTokens,
        Long reasoningTokens,
        Long cachedTokens,
        Double totalCost,
        Long latencyMs,
        Long ttftMs,
        String userId,
        String appTitle,
        String appReferer,
        String keyFingerprint,
        String promptHash,
        String completionHash,
        Map<String, Integer> pii,
        boolean truncated,
        String sessionId,
        Routing routing,
        List<String> policyViolations,
        String traceId,
        String spanId,
        String prompt,
        String completion,
        Map<String, Object> requestParameters) {

    public static final int SCHEMA = 1;

    public AuditRecord {
        requestParameters = requestParameters == null ? Map.of() : requestParameters;
    }

    /** A record without request parameters. */
    public AuditRecord(Instant timestamp, String generationId, String client, String method, String endpoint,
                       String modelRequested, String modelUsed, String provider, boolean stream, Integer httpStatus,
                       String status, String errorCode, String finishReason, Long promptTokens, Long completionTokens,
                       Long reasoningTokens, Long cachedTokens, Double totalCost, Long latencyMs, Long ttftMs,
                       String userId, String appTitle, String appReferer, String keyFingerprint, String promptHash,
                       String completionHash, Map<String, Integer> pii, boolean truncated, String sessionId,
                       Routing routing, List<String> policyViolations, String traceId, String spanId, String prompt,
                       String completion) {
        this(timestamp, generationId, client, method, endpoint, modelRequested, modelUsed, provider, stream,
                httpStatus, status, errorCode, finishReason, promptTokens, completionTokens, reasoningTokens,
                cachedTokens, totalCost, latencyMs, ttftMs, userId, appTitle, appReferer, keyFingerprint, promptHash,
                completionHash, pii, truncated, sessionId, routing, policyViolations, traceId, spanId, prompt,
                completion, Map.of());
    }

    /** This record with the ids of its exported span. */
    public AuditRecord withSpan(String newTraceId, String newSpanId) {
        return new AuditRecord(timestamp, generationId, client, method, endpoint, modelRequested, modelUsed,
                provider, stream, httpStatus, status, errorCode, finishReason, promptTokens, completionTokens,
                reasoningTokens, cachedTokens, totalCost, latencyMs, ttftMs, userId, appTitle, appReferer,
                keyFingerprint, promptHash, completionHash, pii, truncated, sessionId, routing, policyViolations,
                newTraceId, newSpanId, prompt, completion, requestParameters);
    }
}
