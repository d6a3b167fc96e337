package io.openrouteraudit.audit;

import static io.openrouteraudit.audit.RecordAssemblerFactsTest.FALLBACK_REQUEST;
import static io.openrouteraudit.audit.RecordAssemblerFactsTest.FALLBACK_RESPONSE;
import static io.openrouteraudit.audit.TestExchanges.CHAT_REQUEST;
import static io.openrouteraudit.audit.TestExchanges.CHAT_RESPONSE;
import static io.openrouteraudit.audit.TestExchanges.HASHER;
import static io.openrouteraudit.audit.TestExchanges.completed;
import static io.openrouteraudit.audit.TestExchanges.json;
import static io.openrouteraudit.audit.TestExchanges.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.capture.CallerSpanSource;
import io.openrouteraudit.capture.CollectingSink;
import io.openrouteraudit.capture.Exchange;
import io.openrouteraudit.capture.ExchangeRecorder;
import io.openrouteraudit.capture.ExchangeTracker;
import io.openrouteraudit.config.AuditConfig;
import io.openrouteraudit.config.ConfigLoader;
import io.openrouteraudit.config.ContentMode;
import io.openrouteraudit.config.LoadedConfig;
import io.openrouteraudit.policy.CompliancePolicy;
import io.openrouteraudit.policy.PolicyGate;
import io.openrouteraudit.policy.RecordViolations;
import io.openrouteraudit.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A record's {@code policy_violations} and {@code status}, from a policy configured as the agent's is. */
class RecordAssemblerPolicyTest {

    private static final String MESSAGES_AS_SENT = "[{\"role\":\"user\",\"content\":\"What is the capital of Spain?\"}]";

    private static CompliancePolicy policy(String... keysAndValues) {
        Properties props = new Properties();
        props.setProperty("user.dir", System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.setProperty("openrouter.audit." + keysAndValues[i], keysAndValues[i + 1]);
        }
        LoadedConfig loaded = ConfigLoader.load(props, Map.of());
        assertEquals(List.of(), loaded.warnings());
        AuditConfig config = loaded.config();
        return CompliancePolicy.from(config);
    }

    private static RecordAssembler assembler(CompliancePolicy policy) {
        return new RecordAssembler(Redactor.create("all", "", w -> { }), () -> HASHER, ContentMode.NONE,
                new RecordViolations(policy));
    }

    @Test
    void aBlockedCallsRecordSaysBlockedNamesTheRulesAndHashesThePromptItWouldHaveSent() {
        CompliancePolicy policy = policy("policy.require", "max-tokens,zdr", "policy.action", "block");
        CollectingSink handed = new CollectingSink();
        ExchangeTracker tracker = new ExchangeTracker(handed, 1 << 20, CallerSpanSource.NONE, null,
                new PolicyGate(policy, null));

        ExchangeRecorder recorder = tracker.beginSending(start(), CHAT_REQUEST.getBytes(StandardCharsets.UTF_8));
        AuditRecord r = assembler(policy).assemble(handed.exchanges.get(0));

        assertTrue(recorder.hasEnded());
        assertEquals("blocked", r.status());
        assertEquals(List.of("max-tokens", "zdr"), r.policyViolations());
        assertEquals(HASHER.hmacHex(MESSAGES_AS_SENT), r.promptHash());
        assertEquals("openai/gpt-4o", r.modelRequested());
        assertNull(r.httpStatus());
        assertNull(r.provider());
        assertNull(r.totalCost());
        assertEquals("IOException", r.errorCode());
    }

    @Test
    void aFallbackServedByAProviderOutsideTheListIsFlagged() {
        CompliancePolicy policy = policy("policy.providers", "OpenAI,Azure");

        AuditRecord r = assembler(policy).assemble(completed(FALLBACK_REQUEST, json(200), FALLBACK_RESPONSE));

        assertEquals("Anthropic", r.provider());
        assertEquals("success", r.status());
        assertEquals(List.of("provider"), r.policyViolations());
    }

    @Test
    void theSameCallServedByAListedProviderIsNot() {
        CompliancePolicy policy = policy("policy.providers", "openai, anthropic");

        AuditRecord r = assembler(policy).assemble(completed(FALLBACK_REQUEST, json(200), FALLBACK_RESPONSE));

        assertEquals(List.of(), r.policyViolations());
    }

    @Test
    void inFlagModeTheBodysBreachesAreFoundWhenTheRecordIsMade() {
        CompliancePolicy policy = policy("policy.require", "max-tokens,no-fallbacks", "policy.models", "anthropic/*",
                "policy.providers", "OpenAI");

        AuditRecord plain = assembler(policy).assemble(completed(CHAT_REQUEST, json(200), CHAT_RESPONSE));
        AuditRecord fallback = assembler(policy).assemble(completed(FALLBACK_REQUEST, json(200), FALLBACK_RESPONSE));

        assertEquals(List.of("model", "max-tokens", "no-fallbacks"), plain.policyViolations());
        assertEquals(List.of("model", "provider", "no-fallbacks"), fallback.policyViolations(),
                "gpt-4o is outside anthropic/*, Anthropic outside the providers, the models list a fallback");
    }

    @Test
    void theGatesBudgetFindingIsKeptInTheRecordOfACallLetGo() {
        CompliancePolicy policy = policy("policy.daily-budget-usd", "5");
        Exchange done = completed(CHAT_REQUEST, json(200), CHAT_RESPONSE);
        Exchange overBudget = new Exchange(done.request(), done.requestBody(), done.response(), done.responseBody(),
                done.endNanos(), done.outcome(), null, null, null, List.of("budget"));

        assertEquals(List.of("budget"), assembler(policy).assemble(overBudget).policyViolations());
        assertEquals(List.of(), assembler(policy).assemble(done).policyViolations());
    }
}
