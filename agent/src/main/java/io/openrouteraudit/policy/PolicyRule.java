package io.openrouteraudit.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The rules a record's {@code policy_violations} can name, in the order the list is written
 * (SPEC §4), so that the same breaches always read the same.
 */
public enum PolicyRule {
    /** A requested model (the {@code model} or any of {@code models}) is not in {@code policy.models}. */
    MODEL("model"),
    /** The provider that served the call is not in {@code policy.providers}: known only from the response. */
    PROVIDER("provider"),
    MAX_TOKENS("max-tokens"),
    NO_FALLBACKS("no-fallbacks"),
    DATA_COLLECTION_DENY("data-collection-deny"),
    ZDR("zdr"),
    NO_FREE("no-free"),
    /** The day's spend had reached {@code policy.daily-budget-usd} when the call started. */
    BUDGET("budget");

    private final String ruleName;

    PolicyRule(String ruleName) {
        this.ruleName = ruleName;
    }

    /** The name used in {@code policy.require}, the record, the span and {@code stats --by policy}. */
    public String ruleName() {
        return ruleName;
    }

    /** The names of {@code rules}, in SPEC order (an EnumSet iterates in declaration order). */
    public static List<String> names(EnumSet<PolicyRule> rules) {
        List<String> names = new ArrayList<>(rules.size());
        for (PolicyRule rule : rules) {
            names.add(rule.ruleName);
        }
        return List.copyOf(names);
    }

    /** The rule named so, or {@code null}. */
    public static PolicyRule named(String name) {
        for (PolicyRule rule : values()) {
            if (rule.ruleName.equals(name)) {
                return rule;
            }
        }
        return null;
    }
}
