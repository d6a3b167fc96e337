package io.openrouteraudit.audit;

import static io.openrouteraudit.audit.TestExchanges.CHAT_REQUEST;
import static io.openrouteraudit.audit.TestExchanges.CHAT_RESPONSE;
import static io.openrouteraudit.audit.TestExchanges.HASHER;
import static io.openrouteraudit.audit.TestExchanges.TOKEN;
import static io.openrouteraudit.audit.TestExchanges.completed;
import static io.openrouteraudit.audit.TestExchanges.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.config.ContentMode;
import io.openrouteraudit.redact.KeyedHasher;
import io.openrouteraudit.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys, prompts and people: what of them may reach the record, per {@code content}. */
class RecordAssemblerPrivacyTest {

    /** The messages value exactly as the application sent it, odd spacing included. */
    private static final String MESSAGES_AS_SENT = """
            [ {"role": "system", "content": "You are a support bot."},
              {"role":"user","content":"I am alice@example.com, call me on 555-123-4567 or mail bob@example.org"} ]""";

    private static final String PII_REQUEST = "{\"model\":\"openai/gpt-4o\",\"user\":\"carol@example.net\","
            + "\"session_id\":\"dave@example.com\",\n \"messages\": " + MESSAGES_AS_SENT + ",\"temperature\":0.2}";

    private static final String PII_RESPONSE = """
            {"id":"gen-1766107352-PiiReplyPiiReplyPiiR","provider":"OpenAI","model":"openai/gpt-4o",\
            "object":"chat.completion","choices":[{"index":0,"finish_reason":"stop",\
            "message":{"role":"assistant","content":"Sure, I will write to alice@example.com today."}}],\
            "usage":{"prompt_tokens":40,"completion_tokens":9,"total_tokens":49,"cost":0.0002}}""";

    private static AuditRecord assemble(ContentMode mode, String request, String response) {
        return TestExchanges.assembler(mode).assemble(completed(start(), request, response));
    }

    @Test
    void keyFingerprintIsTwelveHexOfTheKeyedHashAndNeverTheKey() {
        AuditRecord r = assemble(ContentMode.FULL, CHAT_REQUEST, CHAT_RESPONSE);

        assertTrue(r.keyFingerprint().matches("[0-9a-f]{12}"), r.keyFingerprint());
        assertEquals(HASHER.fingerprint(TOKEN), r.keyFingerprint());
        assertFalse(r.toString().contains(TOKEN), "the bearer key appears nowhere in the record");
        assertFalse(r.toString().contains("0123456789abcdef0123456789abcdef"));
    }

    @Test
    void differentKeysGetDifferentFingerprintsAndNoKeyGetsNone() {
        RecordAssembler a = TestExchanges.assembler(ContentMode.NONE);
        String other = a.assemble(completed(start("sk-or-v1-ffffffffffffffffffffffffffffffffffffffff", null, null),
                CHAT_REQUEST, CHAT_RESPONSE)).keyFingerprint();
        assertNotEquals(HASHER.fingerprint(TOKEN), other);
        assertNull(a.assemble(completed(start(null, null, null), CHAT_REQUEST, CHAT_RESPONSE)).keyFingerprint());
    }

    @Test
    void fingerprintDependsOnTheHashKey() {
        KeyedHasher otherKey = new KeyedHasher("a-different-installation-key".getBytes(StandardCharsets.UTF_8));
        RecordAssembler a = new RecordAssembler(Redactor.create("all", "", w -> { }), () -> otherKey, ContentMode.NONE);
        AuditRecord r = a.assemble(completed(start(), CHAT_REQUEST, CHAT_RESPONSE));
        assertEquals(otherKey.fingerprint(TOKEN), r.keyFingerprint());
        assertNotEquals(HASHER.fingerprint(TOKEN), r.keyFingerprint());
    }

    @Test
    void promptHashIsTheKeyedHashOfTheMessagesJsonExactlyAsSent() {
        AuditRecord r = assemble(ContentMode.NONE, PII_REQUEST, PII_RESPONSE);

        assertEquals(HASHER.hmacHex(MESSAGES_AS_SENT), r.promptHash());
        String compacted = MESSAGES_AS_SENT.replace("\n", "").replace(": ", ":").replace("[ ", "[").replace(" ]", "]");
        assertNotEquals(HASHER.hmacHex(compacted), r.promptHash(), "the bytes as sent, not a re-serialisation");
        assertEquals(HASHER.hmacHex("Sure, I will write to alice@example.com today."), r.completionHash());
    }

    @Test
    void piiCountsEmailsAndPhonesInThePrompt() {
        AuditRecord r = assemble(ContentMode.NONE, PII_REQUEST, PII_RESPONSE);
        assertEquals(Map.of("EMAIL", 2, "PHONE", 1), r.pii());
    }

    @Test
    void noPiiGivesAnEmptyCount() {
        assertEquals(Map.of(), assemble(ContentMode.NONE, CHAT_REQUEST, CHAT_RESPONSE).pii());
    }

    @Test
    void contentNoneKeepsOnlyHashes() {
        AuditRecord r = assemble(ContentMode.NONE, PII_REQUEST, PII_RESPONSE);

        assertNull(r.prompt());
        assertNull(r.completion());
        assertNotNull(r.promptHash());
        assertNotNull(r.completionHash());
        assertFalse(r.toString().contains("alice@example.com"));
        assertFalse(r.toString().contains("support bot"), "no prompt text at all");
    }

    @Test
    void contentRedactedKeepsTextsWithLabelsInsteadOfAddresses() {
        AuditRecord r = assemble(ContentMode.REDACTED, PII_REQUEST, PII_RESPONSE);

        assertTrue(r.prompt().contains("[EMAIL]"), r.prompt());
        assertTrue(r.prompt().contains("[PHONE]"), r.prompt());
        assertTrue(r.prompt().contains("You are a support bot."), r.prompt());
        assertFalse(r.prompt().contains("alice@example.com"), r.prompt());
        assertFalse(r.prompt().contains("bob@example.org"), r.prompt());
        assertFalse(r.prompt().contains("555-123-4567"), r.prompt());
        assertEquals("Sure, I will write to [EMAIL] today.", r.completion());
        assertFalse(r.toString().contains("alice@example.com"));
    }

    @Test
    void contentRedactedCatchesAnAddressWrittenWithAJsonEscape() {
        String request = "{\"model\":\"openai/gpt-4o\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"please forward this to bob\\u0040example.com tonight\"}]}";
        AuditRecord r = assemble(ContentMode.REDACTED, request, CHAT_RESPONSE);

        assertTrue(r.prompt().contains("[EMAIL]"), r.prompt());
        assertFalse(r.prompt().contains("bob"), r.prompt());
        assertFalse(r.prompt().contains("example.com"), r.prompt());
        assertTrue(r.prompt().contains("tonight"), r.prompt());
        assertEquals(Map.of("EMAIL", 1), r.pii());
    }

    @Test
    void contentRedactedPromptIsStillJson() {
        AuditRecord r = assemble(ContentMode.REDACTED, PII_REQUEST, PII_RESPONSE);
        assertTrue(r.prompt().startsWith("[{"), r.prompt());
        assertTrue(r.prompt().endsWith("}]"), r.prompt());
        assertTrue(r.prompt().contains("\"role\":\"user\""), r.prompt());
    }

    @Test
    void contentFullKeepsTheRawTexts() {
        AuditRecord r = assemble(ContentMode.FULL, PII_REQUEST, PII_RESPONSE);

        assertEquals(MESSAGES_AS_SENT, r.prompt());
        assertEquals("Sure, I will write to alice@example.com today.", r.completion());
    }

    @Test
    void userIdFromTheBodyIsRedacted() {
        AuditRecord r = assemble(ContentMode.FULL, PII_REQUEST, PII_RESPONSE);
        assertEquals("[EMAIL]", r.userId());
    }

    @Test
    void userIdFromTheConfiguredHeaderWinsAndIsRedacted() {
        AuditRecord r = TestExchanges.assembler(ContentMode.NONE).assemble(
                completed(start(TOKEN, "erin@example.com", null), PII_REQUEST, PII_RESPONSE));
        assertEquals("[EMAIL]", r.userId());

        AuditRecord plain = TestExchanges.assembler(ContentMode.NONE).assemble(
                completed(start(TOKEN, "customer-8841", null), PII_REQUEST, PII_RESPONSE));
        assertEquals("customer-8841", plain.userId(), "an id that is not personal data survives");
    }

    @Test
    void sessionIdFromTheBodyIsRedacted() {
        AuditRecord r = assemble(ContentMode.FULL, PII_REQUEST, PII_RESPONSE);
        assertEquals("[EMAIL]", r.sessionId());
    }

    @Test
    void sessionIdFallsBackToTheHeaderAndIsRedacted() {
        AuditRecord r = TestExchanges.assembler(ContentMode.NONE).assemble(
                completed(start(TOKEN, null, "frank@example.com"), CHAT_REQUEST, CHAT_RESPONSE));
        assertEquals("[EMAIL]", r.sessionId());

        AuditRecord bodyWins = TestExchanges.assembler(ContentMode.NONE).assemble(
                completed(start(TOKEN, null, "header-session"), PII_REQUEST, PII_RESPONSE));
        assertEquals("[EMAIL]", bodyWins.sessionId(), "the body's session_id wins over x-session-id");
    }

    @Test
    void appTitleAndRefererAreRedactedToo() {
        var s = new io.openrouteraudit.capture.RequestStart("jdk-httpclient", "POST", "https", "openrouter.ai", 443,
                "/api/v1/chat/completions", TestExchanges.STARTED, TestExchanges.START_NANOS, TOKEN, null,
                "Helpdesk for gina@example.com", "https://app.example.test/", null);
        AuditRecord r = TestExchanges.assembler(ContentMode.NONE).assemble(completed(s, CHAT_REQUEST, CHAT_RESPONSE));
        assertEquals("Helpdesk for [EMAIL]", r.appTitle());
    }
}
