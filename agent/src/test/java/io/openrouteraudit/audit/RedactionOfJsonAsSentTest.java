package io.openrouteraudit.audit;

import static io.openrouteraudit.audit.TestExchanges.CHAT_REQUEST;
import static io.openrouteraudit.audit.TestExchanges.START_NANOS;
import static io.openrouteraudit.audit.TestExchanges.body;
import static io.openrouteraudit.audit.TestExchanges.chunks;
import static io.openrouteraudit.audit.TestExchanges.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.capture.Exchange;
import io.openrouteraudit.capture.Outcome;
import io.openrouteraudit.capture.ResponseHead;
import io.openrouteraudit.config.ContentMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redaction sees the JSON the application sent and the stream it received: string values are
 * redacted after their escapes are decoded, and a secret split across stream events is found in
 * the assembled completion.
 */
class RedactionOfJsonAsSentTest {

    private static final String CARD = "4111 1111 1111 1111";
    private static final String KEY = "sk-or-v1-" + "9f".repeat(32);

    private static AuditRecord assemble(ContentMode mode, String request, String response) {
        return TestExchanges.assembler(mode).assemble(TestExchanges.completed(start(), request, response));
    }

    private static String request(String jsonEscapedContent) {
        return "{\"model\":\"openai/gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + jsonEscapedContent
                + "\"}]}";
    }

    private static String sseEvent(String jsonEscapedDelta) {
        return "data: {\"id\":\"gen-1766109000-SplitSecretSplitSecr\",\"provider\":\"OpenAI\",\"model\":\"openai/gpt-4o\","
                + "\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                + jsonEscapedDelta + "\"},\"finish_reason\":null}]}\n\n";
    }

    private static Exchange streamed(String request, String... deltas) {
        String[] pieces = new String[deltas.length + 1];
        long[] at = new long[pieces.length];
        for (int i = 0; i < deltas.length; i++) {
            pieces[i] = sseEvent(deltas[i]);
            at[i] = 100 + i * 20L;
        }
        pieces[deltas.length] = "data: [DONE]\n\n";
        at[deltas.length] = 100 + deltas.length * 20L;
        return new Exchange(start(), body(request, 0), new ResponseHead(200, "text/event-stream", null, null),
                chunks(pieces, at), START_NANOS + 500 * TestExchanges.MS, Outcome.COMPLETED, null, null);
    }

    @Test
    void anAddressBehindALineBreakEscapeIsFoundAndTheEscapeKept() {
        AuditRecord r = assemble(ContentMode.REDACTED, request("Hi,\\nbob@example.com\\nthanks"), TestExchanges.CHAT_RESPONSE);
        assertTrue(r.prompt().contains("Hi,\\n[EMAIL]\\nthanks"), r.prompt());
        assertEquals(Map.of("EMAIL", 1), r.pii());
    }

    @Test
    void aSecretBetweenEscapedQuotesIsFoundAndTheJsonStaysValid() {
        AuditRecord r = assemble(ContentMode.REDACTED, request("my key is \\\"" + KEY + "\\\" ok"),
                TestExchanges.CHAT_RESPONSE);
        assertTrue(r.prompt().contains("my key is \\\"[API_KEY]\\\" ok"), r.prompt());
        assertFalse(r.prompt().contains("9f9f9f"), r.prompt());
        assertEquals(Map.of("API_KEY", 1), r.pii());
    }

    @Test
    void escapedDigitsAndSpacesOfACardAreDecodedBeforeMatching() {
        String escaped = "card \\u0034111\\u00201111 1111 1111 please";
        AuditRecord r = assemble(ContentMode.REDACTED, request(escaped), TestExchanges.CHAT_RESPONSE);
        assertTrue(r.prompt().contains("card [CARD] please"), r.prompt());
        assertEquals(Map.of("CARD", 1), r.pii());
    }

    @Test
    void anEscapedAtSignInTheUserFieldIsRedacted() {
        String request = "{\"model\":\"openai/gpt-4o\",\"user\":\"ann\\u0040example.com\",\"session_id\":\"s\\u003a"
                + "ann@example.org\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        AuditRecord r = assemble(ContentMode.NONE, request, TestExchanges.CHAT_RESPONSE);
        assertEquals("[EMAIL]", r.userId());
        assertEquals("s:[EMAIL]", r.sessionId());
    }

    @Test
    void aKeySplitAcrossTwoStreamEventsIsRedactedInTheAssembledCompletion() {
        String half = KEY.substring(0, 20);
        String rest = KEY.substring(20);
        AuditRecord r = TestExchanges.assembler(ContentMode.REDACTED).assemble(
                streamed(CHAT_REQUEST, "Your key: ", half, rest, " — keep it safe."));
        assertEquals("Your key: [API_KEY] — keep it safe.", r.completion());
        assertFalse(r.toString().contains(half), "no fragment of the key survives anywhere in the record");
    }

    @Test
    void aCardSplitInsideAGroupAcrossStreamEventsIsRedacted() {
        AuditRecord r = TestExchanges.assembler(ContentMode.REDACTED).assemble(
                streamed(CHAT_REQUEST, "Card ", "4111 11", "11 1111 1111", ", expires 12/29."));
        assertEquals("Card [CARD], expires 12/29.", r.completion());
    }

    @Test
    void anAddressWithAnEscapeSplitAcrossEventsIsRedacted() {
        AuditRecord r = TestExchanges.assembler(ContentMode.REDACTED).assemble(
                streamed(CHAT_REQUEST, "write to carol", "\\u0040exam", "ple.com\\nbye"));
        assertEquals("write to [EMAIL]\nbye", r.completion());
    }

    @Test
    void contentNoneStoresNoTextOfTheStreamButItsHash() {
        AuditRecord r = TestExchanges.assembler(ContentMode.NONE).assemble(
                streamed(CHAT_REQUEST, "Card ", "4111 11", "11 1111 1111"));
        assertEquals(null, r.completion());
        assertEquals(TestExchanges.HASHER.hmacHex("Card " + CARD), r.completionHash());
    }
}
