package io.openrouteraudit.policy;

import io.openrouteraudit.capture.GateVerdict;
import io.openrouteraudit.capture.RequestGate;
import io.openrouteraudit.capture.RequestStart;
import io.openrouteraudit.openrouter.RequestFacts;
import io.openrouteraudit.openrouter.RequestParser;
import java.util.EnumSet;
import java.util.List;

/**
 * The policy's say before a request leaves: the budget for every generation call, and with
 * {@code policy.action=block} the request rules and the model list, from the body read ahead.
 * Only POST requests can generate, so only they are held to the budget.
 */
public final class PolicyGate implements RequestGate {

    private final CompliancePolicy policy;
    private final DailySpend spendOrNull;
    // Made on the first judged body, not at start-up: it pulls in Jackson.
    private volatile RequestParser parser;

    /** @param spendOrNull the day's spend when {@code policy.daily-budget-usd} is set, else {@code null} */
    public PolicyGate(CompliancePolicy policy, DailySpend spendOrNull) {
        this.policy = policy;
        this.spendOrNull = spendOrNull;
    }

    @Override
    public boolean needsBody() {
        return policy.judgesBodiesBeforeSending();
    }

    @Override
    public GateVerdict admit(RequestStart start, byte[] body) {
        EnumSet<PolicyRule> broken = EnumSet.noneOf(PolicyRule.class);
        if (body != null && needsBody()) {
            RequestFacts request = parser().parse(body, 0, body.length);
            broken.addAll(policy.requestViolations(start.path(), request));
        }
        if (spendOrNull != null && "POST".equals(start.method()) && spendOrNull.reached(policy.dailyBudgetUsd())) {
            broken.add(PolicyRule.BUDGET);
        }
        if (broken.isEmpty()) {
            return GateVerdict.GO;
        }
        List<String> names = PolicyRule.names(broken);
        String refusal = policy.blocks()
                ? "openrouter-audit: request blocked by policy (" + String.join(", ", names) + "); not sent"
                : null;
        return new GateVerdict(names, refusal);
    }

    private RequestParser parser() {
        RequestParser p = parser;
        if (p == null) {
            // A race makes two, one of which is dropped: harmless, and no lock on the calling thread.
            p = new RequestParser();
            parser = p;
        }
        return p;
    }
}
