package io.openrouteraudit.policy;

import io.openrouteraudit.audit.AuditRecord;
import io.openrouteraudit.audit.RecordSink;
import io.openrouteraudit.diag.AgentLog;

/**
 * Tells the operator on stderr, once per rule, that the policy is being broken: the journal and
 * the spans carry every occurrence, a log line per call would drown the application's own.
 */
public final class ViolationLog implements RecordSink {

    private final AgentLog log;
    private final CompliancePolicy policy;

    public ViolationLog(AgentLog log, CompliancePolicy policy) {
        this.log = log;
        this.policy = policy;
    }

    @Override
    public void write(AuditRecord record) {
        for (String rule : record.policyViolations()) {
            log.warnOnce("policy:" + rule, "policy rule " + rule + " broken by a call to "
                    + (record.modelRequested() == null ? record.endpoint() : record.modelRequested())
                    + " (" + whatHappened(record, rule) + ")"
                    + "; further violations of this rule are in the journal only", null);
        }
    }

    private String whatHappened(AuditRecord record, String rule) {
        if ("blocked".equals(record.status())) {
            return "blocked, not sent";
        }
        if (!policy.blocks()) {
            return "policy.action=flag: the call went on";
        }
        // In block mode a call breaking a request rule went on only because its body could not be
        // read before sending; the provider is the one rule that is never known in time.
        return PolicyRule.PROVIDER.ruleName().equals(rule) ? "known only from the response: flagged"
                : "its body could not be read before sending: flagged";
    }

    @Override
    public String description() {
        return "the policy violation log";
    }
}
