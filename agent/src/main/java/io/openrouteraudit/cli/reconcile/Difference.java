package io.openrouteraudit.cli.reconcile;

/**
 * One field on which the journal and OpenRouter disagree.
 *
 * @param field          the journal's name for it ({@code total_cost}, {@code prompt_tokens},
 *                       {@code completion_tokens}, {@code model}, {@code provider})
 * @param journalValue   as the journal holds it, rendered for the report ({@code null} when absent)
 * @param openRouterValue as OpenRouter reports it, rendered the same way
 */
public record Difference(String field, String journalValue, String openRouterValue) {
}
