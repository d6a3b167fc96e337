package io.openrouteraudit.policy;

import static io.openrouteraudit.policy.PolicyFixtures.CHAT;
import static io.openrouteraudit.policy.PolicyFixtures.EMBEDDINGS;
import static io.openrouteraudit.policy.PolicyFixtures.facts;
import static io.openrouteraudit.policy.PolicyFixtures.start;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openrouteraudit.capture.BodySnapshot;
import io.openrouteraudit.capture.Exchange;
import io.openrouteraudit.capture.Outcome;
import io.openrouteraudit.config.PolicyAction;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordViolationsTest {

    private static final String NO_LIMIT = "{\"model\":\"openai/gpt-4o\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    private static final String WITH_LIMIT = "{\"model\":\"openai/gpt-4o\",\"max_tokens\":64,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private final RecordViolations check = new RecordViolations(new CompliancePolicy(List.of("openai/*"),
            List.of("OpenAI", "Azure"), List.of("max-tokens"), new BigDecimal("5"), PolicyAction.FLAG));

    private static Exchange exchange(String path, List<String> admissionViolations) {
        return new Exchange(start("POST", path), BodySnapshot.EMPTY, null, BodySnapshot.EMPTY, 2_000L,
                Outcome.COMPLETED, null, null, null, admissionViolations);
    }

    @Test
    void aCompliantCallServedByAnAllowedProviderBreaksNothing() {
        assertEquals(List.of(), check.violations(exchange(CHAT, List.of()), facts(WITH_LIMIT), "OpenAI"));
        assertEquals(List.of(), check.violations(exchange(CHAT, List.of()), facts(WITH_LIMIT), "azure"));
    }

    @Test
    void theGatesFindingsTheBodysAndTheProviderAreMergedInSpecOrder() {
        List<String> violations = check.violations(exchange(CHAT, List.of("budget")), facts(NO_LIMIT), "Anthropic");

        assertEquals(List.of("provider", "max-tokens", "budget"), violations);
    }

    @Test
    void aRuleFoundBothAtTheGateAndInTheBodyIsNamedOnce() {
        List<String> violations = check.violations(exchange(CHAT, List.of("budget", "max-tokens")), facts(NO_LIMIT),
                "OpenAI");

        assertEquals(List.of("max-tokens", "budget"), violations);
    }

    @Test
    void theModelRuleComesFirst() {
        String other = "{\"model\":\"mistralai/mistral-large\",\"messages\":[]}";

        assertEquals(List.of("model", "provider", "max-tokens"),
                check.violations(exchange(CHAT, List.of()), facts(other), "Mistral"));
    }

    @Test
    void theGatesFindingsStandWithoutAJudgeableBody() {
        assertEquals(List.of("budget"), check.violations(exchange(CHAT, List.of("budget")),
                facts("{\"model\":\"openai/gpt-4o\",\"messa"), null));
        assertEquals(List.of("max-tokens"), check.violations(exchange(CHAT, List.of("max-tokens")),
                facts(""), null), "a refused call may carry no body at all");
    }

    @Test
    void anUnnamedProviderIsNotAViolation() {
        assertEquals(List.of(), check.violations(exchange(CHAT, List.of()), facts(WITH_LIMIT), null));
    }

    @Test
    void theEndpointDecidesWhetherATokenLimitIsNeeded() {
        String embedding = "{\"model\":\"openai/text-embedding-3-small\",\"input\":\"Hi\"}";

        assertEquals(List.of(), check.violations(exchange(EMBEDDINGS, List.of()), facts(embedding), "OpenAI"));
        assertEquals(List.of("max-tokens"), check.violations(exchange(CHAT, List.of()), facts(embedding), "OpenAI"));
    }

    @Test
    void namesThatAreNoRuleAreDropped() {
        assertEquals(List.of("budget"), check.violations(exchange(CHAT, List.of("bogus", "budget")),
                facts(WITH_LIMIT), "OpenAI"));
    }

    @Test
    void theSameBreachesAlwaysReadTheSame() {
        List<String> first = check.violations(exchange(CHAT, List.of("budget")), facts(NO_LIMIT), "Anthropic");
        List<String> reordered = check.violations(exchange(CHAT, List.of("max-tokens", "budget")), facts(NO_LIMIT),
                "Anthropic");

        assertEquals(first, reordered);
    }
}
