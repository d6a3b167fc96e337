package io.openrouteraudit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyRuleTest {

    @Test
    void theRulesAreNamedAndOrderedAsSpecSection4ListsThem() {
        List<String> names = new ArrayList<>();
        for (PolicyRule rule : PolicyRule.values()) {
            names.add(rule.ruleName());
        }

        assertEquals(List.of("model", "provider", "max-tokens", "no-fallbacks", "data-collection-deny", "zdr",
                "no-free", "budget"), names);
    }

    @Test
    void eachNameGivesItsRule() {
        for (PolicyRule rule : PolicyRule.values()) {
            assertEquals(rule, PolicyRule.named(rule.ruleName()));
        }
    }

    @Test
    void anUnknownNameGivesNoRule() {
        assertNull(PolicyRule.named("max_tokens"));
        assertNull(PolicyRule.named("MAX_TOKENS"));
        assertNull(PolicyRule.named(""));
        assertNull(PolicyRule.named(null));
    }
}
