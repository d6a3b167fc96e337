package io.openrouteraudit.audit;

import io.openrouteraudit.capture.BodySnapshot;
import io.openrouteraudit.capture.Exchange;
import io.openrouteraudit.capture.Outcome;
import io.openrouteraudit.capture.RequestStart;
import io.openrouteraudit.capture.ResponseHead;
import io.openrouteraudit.config.ContentMode;
import io.openrouteraudit.redact.KeyedHasher;
import io.openrouteraudit.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Hand-built exchanges of OpenRouter shapes, as the capture stage would hand them on. */
final class TestExchanges {

    static final Instant STARTED = Instant.parse("2026-11-23T10:15:30.123Z");
    static final long START_NANOS = 7_000_000_000L;
    static final long MS = 1_000_000L;
    static final String TOKEN = "sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final KeyedHasher HASHER = new KeyedHasher("test-hmac-key-0123456789abcdef!!".getBytes(StandardCharsets.UTF_8));

    static final String CHAT_REQUEST = """
            {"model":"openai/gpt-4o","messages":[{"role":"user","content":"What is the capital of Spain?"}]}""";

    static final String CHAT_RESPONSE = """
            {"id":"gen-1766107352-qwhPp17HeXK7ivKFmPFa","provider":"OpenAI","model":"openai/gpt-4o",\
            "object":"chat.completion","created":1766107352,\
            "choices":[{"index":0,"finish_reason":"stop","native_finish_reason":"stop","logprobs":null,\
            "message":{"role":"assistant","content":"Madrid.","refusal":null}}],\
            "usage":{"prompt_tokens":18,"completion_tokens":3,"total_tokens":21,"cost":0.00012,"is_byok":false}}""";

    private TestExchanges() {
    }

    static RecordAssembler assembler(ContentMode mode) {
        return new RecordAssembler(Redactor.create("all", "", w -> { }), () -> HASHER, mode);
    }

    static RequestStart start() {
        return start(TOKEN, null, null);
    }

    static RequestStart start(String token, String userHeader, String sessionHeader) {
        return new RequestStart("jdk-httpclient", "POST", "https", "openrouter.ai", 443,
                "/api/v1/chat/completions", STARTED, START_NANOS, token, userHeader, "Audit Test App",
                "https://app.example.test", sessionHeader);
    }

    /** A body that arrived in one chunk, {@code atMs} after the request started. */
    static BodySnapshot body(String text, long atMs) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new BodySnapshot(b, b.length, b.length, false, new long[] {b.length},
                new long[] {START_NANOS + atMs * MS}, 1);
    }

    static BodySnapshot body(String text) {
        return body(text, 100);
    }

    /** A body that arrived in the given pieces, each at the given milliseconds after the start. */
    static BodySnapshot chunks(String[] pieces, long[] atMs) {
        StringBuilder all = new StringBuilder();
        long[] ends = new long[pieces.length];
        long[] nanos = new long[pieces.length];
        long offset = 0;
        for (int i = 0; i < pieces.length; i++) {
            all.append(pieces[i]);
            offset += pieces[i].getBytes(StandardCharsets.UTF_8).length;
            ends[i] = offset;
            nanos[i] = START_NANOS + atMs[i] * MS;
        }
        byte[] b = all.toString().getBytes(StandardCharsets.UTF_8);
        return new BodySnapshot(b, b.length, b.length, false, ends, nanos, pieces.length);
    }

    /** Only the first {@code kept} bytes of a longer body. */
    static BodySnapshot truncated(String text, int kept) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new BodySnapshot(b, kept, b.length, true, new long[] {kept}, new long[] {START_NANOS + 50 * MS}, 1);
    }

    static ResponseHead json(int status) {
        return new ResponseHead(status, "application/json", null, null);
    }

    static Exchange completed(String request, ResponseHead head, String response) {
        return new Exchange(start(), body(request, 0), head, body(response), START_NANOS + 412 * MS,
                Outcome.COMPLETED, null, null);
    }

    static Exchange completed(RequestStart start, String request, String response) {
        return new Exchange(start, body(request, 0), json(200), body(response), START_NANOS + 412 * MS,
                Outcome.COMPLETED, null, null);
    }
}
