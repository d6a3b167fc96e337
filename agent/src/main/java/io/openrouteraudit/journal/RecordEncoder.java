package io.openrouteraudit.journal;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.openrouter.Routing;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The record's canonical form: one JSON object, keys in SPEC section 4 order, {@code record_hash}
 * last. The chain hashes exactly these bytes, so the journal line is also what {@code export}
 * prints - no second serialisation that could drift from what was hashed.
 */
public final class RecordEncoder {

    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final Routing NO_ROUTING = Routing.none();

    private final JsonWriter json = new JsonWriter();

    /**
     * The canonical text without {@code record_hash}, as an unclosed object ready for it, decoded
     * from its bytes (a lone surrogate reads back as {@code '?'}, as the journal stores it).
     */
    public String canonical(AuditRecord r, long seq, String prevHash) {
        ChainTip prev = new ChainTip();
        prev.set(seq - 1, prevHash);
        Utf8LineBuffer line = new Utf8LineBuffer(2048);
        encode(r, seq, prev, line);
        return new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8);
    }

    /**
     * Appends the canonical UTF-8 bytes, unclosed, to {@code out}: the journal hashes and stores
     * them from there, with no string in between. {@code prev} gives {@code prev_hash}.
     */
    void encode(AuditRecord r, long seq, ChainTip prev, Utf8LineBuffer out) {
        JsonWriter w = json.begin(out)
                .field("schema", AuditRecord.SCHEMA)
                .field("seq", seq)
                .timestampField("timestamp", r.timestamp())
                .field("generation_id", r.generationId())
                .field("client", r.client())
                .field("method", r.method())
                .field("endpoint", r.endpoint())
                .field("model_requested", r.modelRequested())
                .field("model_used", r.modelUsed())
                .field("provider", r.provider())
                .field("stream", r.stream())
                .field("http_status", r.httpStatus())
                .field("status", r.status())
                .field("error_code", r.errorCode())
                .field("finish_reason", r.finishReason())
                .field("prompt_tokens", r.promptTokens())
                .field("completion_tokens", r.completionTokens())
                .field("reasoning_tokens", r.reasoningTokens())
                .field("cached_tokens", r.cachedTokens())
                .field("total_cost", r.totalCost())
                .field("latency_ms", r.latencyMs())
                .field("ttft_ms", r.ttftMs())
                .field("user_id", r.userId())
                .field("app_title", r.appTitle())
                .field("app_referer", r.appReferer())
                .field("key_fingerprint", r.keyFingerprint())
                .field("prompt_hash", r.promptHash())
                .field("completion_hash", r.completionHash())
                .countsField("pii", r.pii())
                .field("truncated", r.truncated())
                .field("session_id", r.sessionId());
        routing(w, r.routing());
        w.field("policy_violations", r.policyViolations())
                .field("trace_id", r.traceId())
                .field("span_id", r.spanId())
                .field("prompt", r.prompt())
                .field("completion", r.completion());
        if (prev.isPlainHex()) {
            w.hexField("prev_hash", prev.recordHashAscii());
        } else {
            w.field("prev_hash", prev.recordHashText());
        }
    }

    private static void routing(JsonWriter w, Routing routing) {
        Routing r = routing == null ? NO_ROUTING : routing;
        w.objectField("routing")
                .field("models", r.models())
                .field("provider_order", r.providerOrder())
                .field("provider_only", r.providerOnly())
                .field("provider_ignore", r.providerIgnore())
                .field("allow_fallbacks", r.allowFallbacks())
                .field("data_collection", r.dataCollection())
                .field("zdr", r.zdr())
                .field("max_tokens", r.maxTokens())
                .endObject();
    }
}
