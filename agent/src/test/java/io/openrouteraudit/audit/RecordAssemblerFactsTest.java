package io.openrouteraudit.audit;

import static io.openrouteraudit.audit.TestExchanges.CHAT_REQUEST;
import static io.openrouteraudit.audit.TestExchanges.CHAT_RESPONSE;
import static io.openrouteraudit.audit.TestExchanges.HASHER;
import static io.openrouteraudit.audit.TestExchanges.MS;
import static io.openrouteraudit.audit.TestExchanges.START_NANOS;
import static io.openrouteraudit.audit.TestExchanges.body;
import static io.openrouteraudit.audit.TestExchanges.chunks;
import static io.openrouteraudit.audit.TestExchanges.completed;
import static io.openrouteraudit.audit.TestExchanges.json;
import static io.openrouteraudit.audit.TestExchanges.start;
import static io.openrouteraudit.audit.TestExchanges.truncated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.capture.BodySnapshot;
import io.openrouteraudit.capture.Exchange;
import io.openrouteraudit.capture.Outcome;
import io.openrouteraudit.capture.ResponseHead;
import io.openrouteraudit.config.ContentMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What OpenRouter said, and how the exchange ended, as the record shows it. */
class RecordAssemblerFactsTest {

    private final RecordAssembler assembler = TestExchanges.assembler(ContentMode.NONE);

    static final String FALLBACK_REQUEST = """
            {"model":"openai/gpt-4o","models":["openai/gpt-4o","anthropic/claude-3.5-sonnet"],\
            "provider":{"allow_fallbacks":true,"order":["OpenAI","Azure"]},"max_tokens":256,\
            "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Capital of Spain?"}]}""";

    static final String FALLBACK_RESPONSE = """
            {"id":"gen-1766107352-qwhPp17HeXK7ivKFmPFa","provider":"Anthropic",\
            "model":"anthropic/claude-3.5-sonnet","object":"chat.completion","created":1766107352,\
            "choices":[{"index":0,"finish_reason":"length","native_finish_reason":"max_tokens","logprobs":null,\
            "message":{"role":"assistant","content":"Madrid is the capital","refusal":null,"reasoning":"..."}}],\
            "usage":{"prompt_tokens":18,"completion_tokens":1067,"total_tokens":1085,"cost":0.00321,"is_byok":false,\
            "prompt_tokens_details":{"cached_tokens":4,"cache_write_tokens":0,"audio_tokens":0},\
            "completion_tokens_details":{"reasoning_tokens":826,"image_tokens":0}}}""";

    @Test
    void successfulFallbackCallRecordsWhatWasServedNotWhatWasAsked() {
        AuditRecord r = assembler.assemble(completed(FALLBACK_REQUEST, json(200), FALLBACK_RESPONSE));

        assertEquals("success", r.status());
        assertNull(r.errorCode());
        assertEquals(200, r.httpStatus());
        assertEquals("gen-1766107352-qwhPp17HeXK7ivKFmPFa", r.generationId());
        assertEquals("openai/gpt-4o", r.modelRequested());
        assertEquals("anthropic/claude-3.5-sonnet", r.modelUsed());
        assertEquals("Anthropic", r.provider());
        assertEquals("length", r.finishReason());
        assertEquals(18L, r.promptTokens());
        assertEquals(1067L, r.completionTokens());
        assertEquals(826L, r.reasoningTokens());
        assertEquals(4L, r.cachedTokens());
        assertEquals(0.00321, r.totalCost());
        assertFalse(r.stream());
        assertNull(r.ttftMs(), "no time-to-first-token for a non-stream");
        assertEquals(412L, r.latencyMs());
        assertFalse(r.truncated());
    }

    @Test
    void recordCarriesWhereTheCallWentAndWhen() {
        AuditRecord r = assembler.assemble(completed(FALLBACK_REQUEST, json(200), FALLBACK_RESPONSE));

        assertEquals(TestExchanges.STARTED, r.timestamp());
        assertEquals("jdk-httpclient", r.client());
        assertEquals("POST", r.method());
        assertEquals("/api/v1/chat/completions", r.endpoint());
        assertEquals("Audit Test App", r.appTitle());
        assertEquals("https://app.example.test", r.appReferer());
        assertEquals(List.of("openai/gpt-4o", "anthropic/claude-3.5-sonnet"), r.routing().models());
        assertEquals(List.of("OpenAI", "Azure"), r.routing().providerOrder());
        assertEquals(Boolean.TRUE, r.routing().allowFallbacks());
        assertEquals(256L, r.routing().maxTokens());
        assertEquals(List.of(), r.policyViolations());
        assertEquals(HASHER.hmacHex("Madrid is the capital"), r.completionHash());
    }

    @Test
    void firstOfModelsIsTheRequestedModelWhenModelIsAbsent() {
        String request = """
                {"models":["mistralai/mistral-large","openai/gpt-4o"],"messages":[{"role":"user","content":"hi"}]}""";
        AuditRecord r = assembler.assemble(completed(request, json(200), CHAT_RESPONSE));
        assertEquals("mistralai/mistral-large", r.modelRequested());
    }

    @Test
    void http402WithAnErrorBodyIsAnErrorWithOpenRoutersCode() {
        String body = """
                {"error":{"code":402,"message":"Insufficient credits. Add more using https://openrouter.ai/credits",\
                "metadata":{}}}""";
        AuditRecord r = assembler.assemble(completed(CHAT_REQUEST, json(402), body));

        assertEquals("error", r.status());
        assertEquals("402", r.errorCode());
        assertEquals(402, r.httpStatus());
        assertEquals("openai/gpt-4o", r.modelRequested());
        assertNull(r.modelUsed());
        assertNull(r.generationId());
    }

    @Test
    void httpErrorStatusWithoutAnErrorBodyUsesTheStatusAsCode() {
        AuditRecord r = assembler.assemble(completed(CHAT_REQUEST,
                new ResponseHead(503, "text/html", null, null), "<html>Service Unavailable</html>"));
        assertEquals("error", r.status());
        assertEquals("503", r.errorCode());
        assertEquals(503, r.httpStatus());
    }

    @Test
    void http200WhoseFirstChoiceFinishedWithErrorIsAnError() {
        String body = """
                {"id":"gen-1766107400-AbCdEfGhIjKlMnOpQrSt","provider":"Google","model":"google/gemini-2.5-pro",\
                "object":"chat.completion","created":1766107400,\
                "choices":[{"index":0,"finish_reason":"error","native_finish_reason":"ERROR",\
                "message":{"role":"assistant","content":""},\
                "error":{"code":502,"message":"Upstream provider error","metadata":{"provider_name":"Google"}}}],\
                "usage":{"prompt_tokens":12,"completion_tokens":0,"total_tokens":12,"cost":0}}""";
        AuditRecord r = assembler.assemble(completed(CHAT_REQUEST, json(200), body));

        assertEquals("error", r.status());
        assertEquals("502", r.errorCode());
        assertEquals(200, r.httpStatus());
        assertEquals("error", r.finishReason());
        assertEquals("gen-1766107400-AbCdEfGhIjKlMnOpQrSt", r.generationId());
    }

    @Test
    void http200WithFinishReasonErrorAndNoErrorObjectIsStillAnError() {
        String body = """
                {"id":"gen-x1","provider":"Google","model":"google/gemini-2.5-pro","object":"chat.completion",\
                "choices":[{"index":0,"finish_reason":"error","message":{"role":"assistant","content":""}}]}""";
        AuditRecord r = assembler.assemble(completed(CHAT_REQUEST, json(200), body));
        assertEquals("error", r.status());
    }

    @Test
    void connectionFailureIsAnErrorNamedByTheException() {
        Exchange e = new Exchange(start(), body(CHAT_REQUEST, 0), null, BodySnapshot.EMPTY,
                START_NANOS + 30 * MS, Outcome.FAILED, "ConnectException", "Connection refused");
        AuditRecord r = assembler.assemble(e);

        assertEquals("error", r.status());
        assertEquals("ConnectException", r.errorCode());
        assertNull(r.httpStatus());
        assertNull(r.generationId());
        assertEquals("openai/gpt-4o", r.modelRequested());
        assertEquals(30L, r.latencyMs());
    }

    @Test
    void timeoutIsRecordedAsTimeout() {
        Exchange e = new Exchange(start(), body(CHAT_REQUEST, 0), null, BodySnapshot.EMPTY,
                START_NANOS + 30_000 * MS, Outcome.TIMEOUT, "HttpTimeoutException", "request timed out");
        AuditRecord r = assembler.assemble(e);

        assertEquals("timeout", r.status());
        assertEquals("HttpTimeoutException", r.errorCode());
        assertEquals(30_000L, r.latencyMs());
    }

    @Test
    void refusedCallIsRecordedAsBlocked() {
        Exchange e = new Exchange(start(), body(CHAT_REQUEST, 0), null, BodySnapshot.EMPTY,
                START_NANOS + MS, Outcome.BLOCKED, "IOException", "model not allowed");
        AuditRecord r = assembler.assemble(e);

        assertEquals("blocked", r.status());
        assertNull(r.httpStatus());
        assertEquals("openai/gpt-4o", r.modelRequested());
    }

    @Test
    void cancelledCallIsRecordedAsCancelled() {
        Exchange e = new Exchange(start(), body(CHAT_REQUEST, 0), json(200), BodySnapshot.EMPTY,
                START_NANOS + 80 * MS, Outcome.CANCELLED, "CancellationException", null);
        assertEquals("cancelled", assembler.assemble(e).status());
    }

    @Test
    void responseDroppedUnreadIsIncompleteAndKeepsWhatArrived() {
        String partialStream = """
                data: {"id":"gen-1756749262-liysSWPMM37eb25U5gXO","provider":"WandB","model":"deepseek/deepseek-chat-v3.1","object":"chat.completion.chunk","created":1756749262,"choices":[{"index":0,"delta":{"role":"assistant","content":"Mad"},"finish_reason":null}]}

                """;
        Exchange e = new Exchange(start(), body(CHAT_REQUEST, 0),
                new ResponseHead(200, "text/event-stream", null, null), body(partialStream),
                START_NANOS + 900 * MS, Outcome.INCOMPLETE, null, null);
        AuditRecord r = assembler.assemble(e);

        assertEquals("incomplete", r.status());
        assertEquals(200, r.httpStatus());
        assertEquals("gen-1756749262-liysSWPMM37eb25U5gXO", r.generationId());
        assertEquals("WandB", r.provider());
        assertTrue(r.stream());
    }

    @Test
    void generationIdFallsBackToTheXGenerationIdHeader() {
        String body = """
                {"error":{"code":429,"message":"Rate limit exceeded","metadata":{}}}""";
        AuditRecord r = assembler.assemble(completed(CHAT_REQUEST,
                new ResponseHead(429, "application/json", null, "gen-1766107999-HeaderOnlyId0000000"), body));

        assertEquals("gen-1766107999-HeaderOnlyId0000000", r.generationId());
        assertEquals("429", r.errorCode());
    }

    @Test
    void generationIdOfTheBodyWinsOverTheHeader() {
        AuditRecord r = assembler.assemble(completed(CHAT_REQUEST,
                new ResponseHead(200, "application/json", null, "gen-header-other"), CHAT_RESPONSE));
        assertEquals("gen-1766107352-qwhPp17HeXK7ivKFmPFa", r.generationId());
    }

    @Test
    void generationIdComesFromTheHeaderWhenNoBodyArrived() {
        Exchange e = new Exchange(start(), body(CHAT_REQUEST, 0),
                new ResponseHead(200, "text/event-stream", null, "gen-1766108000-NoBodyYet00000000000"),
                BodySnapshot.EMPTY, START_NANOS + 5 * MS, Outcome.CANCELLED, null, null);
        assertEquals("gen-1766108000-NoBodyYet00000000000", assembler.assemble(e).generationId());
    }

    private static final String STREAM_ID = "gen-1756749262-liysSWPMM37eb25U5gXO";
    private static final String KEEP_ALIVE = ": OPENROUTER PROCESSING\n\n";
    private static final String ROLE_EVENT = "data: {\"id\":\"" + STREAM_ID + "\",\"provider\":\"WandB\","
            + "\"model\":\"deepseek/deepseek-chat-v3.1\",\"object\":\"chat.completion.chunk\",\"created\":1756749262,"
            + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n";
    private static final String FIRST_CONTENT_EVENT = "data: {\"id\":\"" + STREAM_ID + "\",\"provider\":\"WandB\","
            + "\"model\":\"deepseek/deepseek-chat-v3.1\",\"object\":\"chat.completion.chunk\",\"created\":1756749262,"
            + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Madrid\"},\"finish_reason\":null}]}\n\n";
    private static final String REST_OF_STREAM = "data: {\"id\":\"" + STREAM_ID + "\",\"provider\":\"WandB\","
            + "\"model\":\"deepseek/deepseek-chat-v3.1\",\"object\":\"chat.completion.chunk\",\"created\":1756749262,"
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" is the capital.\"},\"finish_reason\":\"stop\","
            + "\"native_finish_reason\":\"stop\"}]}\n\n"
            + "data: {\"id\":\"" + STREAM_ID + "\",\"provider\":\"WandB\",\"model\":\"deepseek/deepseek-chat-v3.1\","
            + "\"object\":\"chat.completion.chunk\",\"created\":1756749262,\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":33,\"completion_tokens\":8,\"total_tokens\":41,\"cost\":0.0000310365,"
            + "\"is_byok\":false}}\n\n"
            + "data: [DONE]\n\n";

    private static Exchange stream(BodySnapshot responseBody) {
        String request = """
                {"model":"deepseek/deepseek-chat-v3.1","stream":true,"messages":[{"role":"user","content":"Capital of Spain?"}]}""";
        return new Exchange(start(), body(request, 0), new ResponseHead(200, "text/event-stream", null, null),
                responseBody, START_NANOS + 600 * MS, Outcome.COMPLETED, null, null);
    }

    @Test
    void timeToFirstTokenIsTheArrivalOfTheChunkWithTheFirstContentEvent() {
        BodySnapshot body = chunks(new String[] {KEEP_ALIVE, ROLE_EVENT, FIRST_CONTENT_EVENT, REST_OF_STREAM},
                new long[] {40, 100, 250, 400});
        AuditRecord r = assembler.assemble(stream(body));

        assertTrue(r.stream());
        assertEquals(250L, r.ttftMs());
        assertEquals(600L, r.latencyMs());
        assertEquals("success", r.status());
        assertEquals(STREAM_ID, r.generationId());
        assertEquals("deepseek/deepseek-chat-v3.1", r.modelUsed());
        assertEquals("WandB", r.provider());
        assertEquals("stop", r.finishReason());
        assertEquals(33L, r.promptTokens());
        assertEquals(8L, r.completionTokens());
        assertEquals(0.0000310365, r.totalCost());
        assertEquals(HASHER.hmacHex("Madrid is the capital."), r.completionHash());
    }

    @Test
    void timeToFirstTokenWaitsForTheChunkThatCompletesTheFirstContentEvent() {
        int half = FIRST_CONTENT_EVENT.length() / 2;
        BodySnapshot body = chunks(new String[] {ROLE_EVENT, FIRST_CONTENT_EVENT.substring(0, half),
            FIRST_CONTENT_EVENT.substring(half), REST_OF_STREAM}, new long[] {100, 250, 320, 400});

        assertEquals(320L, assembler.assemble(stream(body)).ttftMs());
    }

    @Test
    void timeToFirstTokenIsNullForAStreamWithoutContent() {
        String errorOnly = "data: {\"id\":\"gen-abc123\",\"object\":\"chat.completion.chunk\",\"model\":\"openai/gpt-4o\","
                + "\"provider\":\"OpenAI\",\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\"},"
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"error\"}]}\n\n";
        AuditRecord r = assembler.assemble(stream(chunks(new String[] {ROLE_EVENT, errorOnly}, new long[] {100, 200})));

        assertNull(r.ttftMs());
        assertEquals("error", r.status());
        assertEquals("429", r.errorCode());
        assertEquals(200, r.httpStatus());
    }

    @Test
    void truncatedWhenTheRequestBodyWasCut() {
        Exchange e = new Exchange(start(), truncated(CHAT_REQUEST, 40), json(200), body(CHAT_RESPONSE),
                START_NANOS + 412 * MS, Outcome.COMPLETED, null, null);
        assertTrue(assembler.assemble(e).truncated());
    }

    @Test
    void truncatedWhenTheResponseBodyWasCut() {
        Exchange e = new Exchange(start(), body(CHAT_REQUEST, 0), json(200), truncated(CHAT_RESPONSE, 120),
                START_NANOS + 412 * MS, Outcome.COMPLETED, null, null);
        AuditRecord r = assembler.assemble(e);
        assertTrue(r.truncated());
        assertEquals("gen-1766107352-qwhPp17HeXK7ivKFmPFa", r.generationId(), "what was captured is still parsed");
    }
}
