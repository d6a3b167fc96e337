package io.openrouteraudit.config;

/** What the agent does with a policy violation (key {@code policy.action}). */
public enum PolicyAction {
    /** Record and report the violation; the call goes on. */
    FLAG,
    /** Refuse a call that breaks a request rule, the model list or the budget. */
    BLOCK
}
