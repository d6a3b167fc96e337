package io.openrouteraudit.policy;

import static io.openrouteraudit.policy.PolicyFixtures.CHAT;
import static io.openrouteraudit.policy.PolicyFixtures.NOW;
import static io.openrouteraudit.policy.PolicyFixtures.bytes;
import static io.openrouteraudit.policy.PolicyFixtures.requiring;
import static io.openrouteraudit.policy.PolicyFixtures.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.capture.GateVerdict;
import io.openrouteraudit.config.PolicyAction;
import io.openrouteraudit.journal.TestRecords;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyGateTest {

    /** Breaks every request rule and a model list of {@code anthropic/*}. */
    private static final String EVERYTHING_WRONG = "{\"model\":\"deepseek/deepseek-r1:free\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    private static final String COMPLIANT = "{\"model\":\"anthropic/claude-3-haiku\",\"max_tokens\":64,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
            + "\"provider\":{\"allow_fallbacks\":false,\"data_collection\":\"deny\",\"zdr\":true}}";

    /** A day on which {@code usd} has been spent already. */
    private static DailySpend spent(String usd) {
        DailySpend spend = new DailySpend(Clock.fixed(NOW, ZoneOffset.UTC), null);
        spend.skipReadBack();
        spend.write(TestRecords.record(NOW.minusSeconds(60), "gen-earlier", Double.valueOf(usd)));
        return spend;
    }

    private static CompliancePolicy everyRule(PolicyAction action) {
        return new CompliancePolicy(List.of("anthropic/*"), List.of("Anthropic"),
                List.of("no-free", "zdr", "max-tokens", "data-collection-deny", "no-fallbacks"),
                new BigDecimal("1.00"), action);
    }

    @Test
    void theBudgetHoldsOnlyForPostRequests() {
        PolicyGate gate = new PolicyGate(PolicyFixtures.budget("1.00", PolicyAction.BLOCK), spent("1.00"));

        GateVerdict post = gate.admit(start("POST", CHAT), null);
        assertEquals(List.of("budget"), post.violations());
        assertTrue(post.refused());

        assertSame(GateVerdict.GO, gate.admit(start("GET", "/api/v1/models"), null),
                "listing models or looking up a generation spends nothing");
        assertSame(GateVerdict.GO, gate.admit(start("GET", "/api/v1/generation"), null));
    }

    @Test
    void aBudgetNotYetReachedLetsTheCallGo() {
        PolicyGate gate = new PolicyGate(PolicyFixtures.budget("1.00", PolicyAction.BLOCK), spent("0.99"));

        assertSame(GateVerdict.GO, gate.admit(start("POST", CHAT), null));
    }

    @Test
    void withoutADailySpendThereIsNoBudgetToReach() {
        PolicyGate gate = new PolicyGate(PolicyFixtures.budget("0", PolicyAction.BLOCK), null);

        assertSame(GateVerdict.GO, gate.admit(start("POST", CHAT), null));
    }

    @Test
    void onlyBlockModeRefuses() {
        GateVerdict flagged = new PolicyGate(PolicyFixtures.budget("1.00", PolicyAction.FLAG), spent("2"))
                .admit(start("POST", CHAT), null);
        GateVerdict blocked = new PolicyGate(PolicyFixtures.budget("1.00", PolicyAction.BLOCK), spent("2"))
                .admit(start("POST", CHAT), null);

        assertEquals(List.of("budget"), flagged.violations());
        assertFalse(flagged.refused(), "flag mode records the breach and lets the call go");
        assertNull(flagged.refusal());
        assertEquals(List.of("budget"), blocked.violations());
        assertTrue(blocked.refused());
        assertTrue(blocked.refusal().contains("budget"), blocked.refusal());
    }

    @Test
    void violationsAreNamedInSpecOrderWhateverTheConfiguredOrder() {
        PolicyGate gate = new PolicyGate(everyRule(PolicyAction.BLOCK), spent("1.50"));

        GateVerdict verdict = gate.admit(start("POST", CHAT), bytes(EVERYTHING_WRONG));

        assertEquals(List.of("model", "max-tokens", "no-fallbacks", "data-collection-deny", "zdr", "no-free",
                "budget"), verdict.violations());
        assertTrue(verdict.refused());
        assertTrue(verdict.refusal().contains(
                "(model, max-tokens, no-fallbacks, data-collection-deny, zdr, no-free, budget)"), verdict.refusal());
    }

    @Test
    void aCompliantBodyWithinBudgetGoes() {
        PolicyGate gate = new PolicyGate(everyRule(PolicyAction.BLOCK), spent("0.10"));

        assertTrue(gate.needsBody());
        assertSame(GateVerdict.GO, gate.admit(start("POST", CHAT), bytes(COMPLIANT)));
    }

    @Test
    void withoutABodyNoRequestRuleIsJudged() {
        PolicyGate gate = new PolicyGate(everyRule(PolicyAction.BLOCK), spent("0"));

        assertSame(GateVerdict.GO, gate.admit(start("POST", CHAT), null),
                "a body that could not be read ahead is sent and judged in its record");
        assertEquals(List.of("budget"), new PolicyGate(everyRule(PolicyAction.BLOCK), spent("1"))
                .admit(start("POST", CHAT), null).violations());
    }

    @Test
    void aBodyThatCannotBeJudgedGoes() {
        PolicyGate gate = new PolicyGate(everyRule(PolicyAction.BLOCK), spent("0"));

        assertSame(GateVerdict.GO, gate.admit(start("POST", CHAT), bytes("{\"model\":\"x/y:free\",")));
        assertSame(GateVerdict.GO, gate.admit(start("POST", CHAT), new byte[0]));
    }

    @Test
    void flagModeDoesNotAskForTheBodyAndLeavesItsRulesToTheRecord() {
        PolicyGate gate = new PolicyGate(everyRule(PolicyAction.FLAG), spent("0"));

        assertFalse(gate.needsBody());
        assertSame(GateVerdict.GO, gate.admit(start("POST", CHAT), bytes(EVERYTHING_WRONG)));
    }

    @Test
    void theGateNeedsTheBodyExactlyWhenThePolicyJudgesItBeforeSending() {
        assertTrue(new PolicyGate(requiring(PolicyAction.BLOCK, "zdr"), null).needsBody());
        assertFalse(new PolicyGate(requiring(PolicyAction.FLAG, "zdr"), null).needsBody());
        assertFalse(new PolicyGate(PolicyFixtures.budget("1", PolicyAction.BLOCK), spent("0")).needsBody());
    }
}
