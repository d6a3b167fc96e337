package io.openrouteraudit.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a stored record that the auditor's commands group, sum and compare, read back
 * from its line. Unknown or absent members stay {@code null}; the line itself is kept for
 * commands that print it as stored.
 */
public record StoredRecord(
        String line,
        long seq,
        Instant timestamp,
        String generationId,
        String client,
        String endpoint,
        String modelRequested,
        String modelUsed,
        String provider,
        boolean stream,
        Long httpStatus,
        String status,
        String errorCode,
        Long promptTokens,
        Long completionTokens,
        Long reasoningTokens,
        Long cachedTokens,
        Double totalCost,
        Long latencyMs,
        Long ttftMs,
        String userId,
        String keyFingerprint,
        List<String> policyViolations) {

    private static final JsonFactory JSON = new JsonFactory();

    /** Parses a stored line; a line that is not a JSON object is an {@link IOException}. */
    public static StoredRecord parse(String line) throws IOException {
        Builder b = new Builder();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a journal record");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                b.take(name, value, p);
            }
        }
        return b.build(line);
    }

    /** The model to group by: the one that served the call, else the one asked for. */
    public String model() {
        return modelUsed != null ? modelUsed : modelRequested;
    }

    public boolean isError() {
        return !"success".equals(status);
    }

    private static final class Builder {
        private long seq = -1;
        private Instant timestamp;
        private String generationId;
        private String client;
        private String endpoint;
        private String modelRequested;
        private String modelUsed;
        private String provider;
        private boolean stream;
        private Long httpStatus;
        private String status;
        private String errorCode;
        private Long promptTokens;
        private Long completionTokens;
        private Long reasoningTokens;
        private Long cachedTokens;
        private Double totalCost;
        private Long latencyMs;
        private Long ttftMs;
        private String userId;
        private String keyFingerprint;
        private List<String> policyViolations = List.of();

        void take(String name, JsonToken value, JsonParser p) throws IOException {
            switch (name) {
                case "seq" -> seq = longOr(value, p, -1L);
                case "timestamp" -> timestamp = value == JsonToken.VALUE_STRING ? Instant.parse(p.getText()) : null;
                case "generation_id" -> generationId = text(value, p);
                case "client" -> client = text(value, p);
                case "endpoint" -> endpoint = text(value, p);
                case "model_requested" -> modelRequested = text(value, p);
                case "model_used" -> modelUsed = text(value, p);
                case "provider" -> provider = text(value, p);
                case "stream" -> stream = value == JsonToken.VALUE_TRUE;
                case "http_status" -> httpStatus = longOr(value, p, null);
                case "status" -> status = text(value, p);
                case "error_code" -> errorCode = text(value, p);
                case "prompt_tokens" -> promptTokens = longOr(value, p, null);
                case "completion_tokens" -> completionTokens = longOr(value, p, null);
                case "reasoning_tokens" -> reasoningTokens = longOr(value, p, null);
                case "cached_tokens" -> cachedTokens = longOr(value, p, null);
                case "total_cost" -> totalCost = value.isNumeric() ? p.getDoubleValue() : null;
                case "latency_ms" -> latencyMs = longOr(value, p, null);
                case "ttft_ms" -> ttftMs = longOr(value, p, null);
                case "user_id" -> userId = text(value, p);
                case "key_fingerprint" -> keyFingerprint = text(value, p);
                case "policy_violations" -> policyViolations = strings(value, p);
                default -> p.skipChildren();
            }
        }

        StoredRecord build(String line) {
            return new StoredRecord(line, seq, timestamp, generationId, client, endpoint, modelRequested, modelUsed,
                    provider, stream, httpStatus, status, errorCode, promptTokens, completionTokens, reasoningTokens,
                    cachedTokens, totalCost, latencyMs, ttftMs, userId, keyFingerprint, policyViolations);
        }

        private static String text(JsonToken value, JsonParser p) throws IOException {
            if (value == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            p.skipChildren();
            return null;
        }

        private static Long longOr(JsonToken value, JsonParser p, Long fallback) throws IOException {
            if (value == JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue();
            }
            p.skipChildren();
            return fallback;
        }

        private static List<String> strings(JsonToken value, JsonParser p) throws IOException {
            if (value != JsonToken.START_ARRAY) {
                p.skipChildren();
                return List.of();
            }
            List<String> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    out.add(p.getText());
                } else {
                    p.skipChildren();
                }
            }
            return List.copyOf(out);
        }
    }
}
