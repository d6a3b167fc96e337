package io.openrouteraudit.policy;

import io.openrouteraudit.audit.ViolationCheck;
import io.openrouteraudit.capture.Exchange;
import io.openrouteraudit.openrouter.RequestFacts;
import java.util.EnumSet;
import java.util.List;

/**
 * A record's {@code policy_violations}: what the gate found when the request left (the budget;
 * in block mode, nothing else, or it would not have left), what its body breaks, and whether the
 * provider that served it was allowed - the one rule that is only known afterwards.
 */
public final class RecordViolations implements ViolationCheck {

    private final CompliancePolicy policy;

    public RecordViolations(CompliancePolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<String> violations(Exchange exchange, RequestFacts request, String provider) {
        EnumSet<PolicyRule> broken = EnumSet.noneOf(PolicyRule.class);
        for (String name : exchange.admissionViolations()) {
            PolicyRule rule = PolicyRule.named(name);
            if (rule != null) {
                broken.add(rule);
            }
        }
        broken.addAll(policy.requestViolations(exchange.request().path(), request));
        if (!policy.providerAllowed(provider)) {
            broken.add(PolicyRule.PROVIDER);
        }
        if (broken.isEmpty()) {
            return List.of();
        }
        return PolicyRule.names(broken);
    }
}
