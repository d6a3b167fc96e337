package io.openrouteraudit.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openrouteraudit.apps.ClientIdentity;
import io.openrouteraudit.sim.ChatRequest;
import io.openrouteraudit.sim.RecordedExchange;
import io.openrouteraudit.sim.ResponseFacts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The export a correct agent would print for some simulator exchanges (SPEC §4, default
 * configuration), written independently of the agent, to prove that the journal assertions
 * accept it — and, altered, reject it.
 */
final class ReferenceRecords {

    static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceRecords() {
    }

    static List<ObjectNode> of(List<RecordedExchange> exchanges, String client) {
        String previousHash = null;
        List<ObjectNode> records = new java.util.ArrayList<>();
        for (int i = 0; i < exchanges.size(); i++) {
            ObjectNode record = record(exchanges.get(i), client, i + 1);
            record.put("prev_hash", previousHash);
            previousHash = sha256(previousHash + record);
            record.put("record_hash", previousHash);
            records.add(record);
        }
        return records;
    }

    static String jsonl(List<ObjectNode> records) {
        StringBuilder out = new StringBuilder();
        records.forEach(r -> out.append(r).append('\n'));
        return out.toString();
    }

    private static ObjectNode record(RecordedExchange exchange, String client, int seq) {
        ResponseFacts sent = exchange.response().facts();
        ChatRequest chat = ChatRequest.parse(exchange.request().body());
        boolean failed = exchange.response().status() >= 400 || sent.errorCode() != null;
        ObjectNode r = JSON.createObjectNode();
        r.put("schema", 1);
        r.put("seq", seq);
        r.put("timestamp", "2026-01-02T03:04:05.678Z");
        r.put("generation_id", sent.generationId());
        r.put("client", client);
        r.put("method", exchange.request().method());
        r.put("endpoint", exchange.request().path());
        r.put("model_requested", chat.model());
        r.put("model_used", sent.modelUsed());
        r.put("provider", sent.provider());
        r.put("stream", sent.stream());
        r.put("http_status", exchange.response().status());
        r.put("status", failed || !sent.wellFormed() ? "error" : "success");
        r.put("error_code", sent.errorCode());
        r.put("finish_reason", sent.finishReason());
        r.put("prompt_tokens", sent.promptTokens());
        r.put("completion_tokens", sent.completionTokens());
        r.put("reasoning_tokens", sent.reasoningTokens());
        r.put("cached_tokens", sent.cachedTokens());
        r.put("total_cost", sent.cost() == null ? null : sent.cost().doubleValue());
        r.put("latency_ms", 40);
        if (sent.stream()) {
            r.put("ttft_ms", 25);
        } else {
            r.putNull("ttft_ms");
        }
        r.putNull("user_id");
        r.put("app_title", exchange.request().header("X-Title"));
        r.put("app_referer", exchange.request().header("HTTP-Referer"));
        r.put("key_fingerprint", sha256(ClientIdentity.API_KEY).substring(0, 12));
        r.put("prompt_hash", sha256(exchange.request().bodyText()));
        String text = sent.completionText();
        r.put("completion_hash", text == null || text.isEmpty() ? null : sha256(text));
        ObjectNode pii = r.putObject("pii");
        if (exchange.request().bodyText().contains(ClientIdentity.EMAIL)) {
            pii.put("EMAIL", 1);
        }
        if (exchange.request().bodyText().contains(ClientIdentity.PHONE)) {
            pii.put("PHONE", 1);
        }
        r.put("truncated", false);
        r.putNull("session_id");
        ObjectNode routing = r.putObject("routing");
        if (chat.models().isEmpty()) {
            routing.putNull("models");
        } else {
            ArrayNode models = routing.putArray("models");
            chat.models().forEach(models::add);
        }
        for (String member : List.of("provider_order", "provider_only", "provider_ignore", "allow_fallbacks",
                "data_collection", "zdr")) {
            routing.putNull(member);
        }
        routing.put("max_tokens", chat.maxTokens());
        r.putArray("policy_violations");
        r.putNull("trace_id");
        r.putNull("span_id");
        r.putNull("prompt");
        r.putNull("completion");
        return r;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
