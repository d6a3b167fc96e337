package io.openrouteraudit.cli.reconcile;

import java.time.Duration;

/** How one generation lookup ended, short of a failure that stops the whole reconciliation. */
public sealed interface LookupOutcome {

    /** Requests made for this generation. */
    int attempts();

    /** OpenRouter answered with the generation's stats. */
    record Found(GenerationStats stats, int attempts) implements LookupOutcome {
    }

    /** OpenRouter still answered 404 when the backoff budget ran out. */
    record NotFound(int attempts, Duration waited) implements LookupOutcome {
    }
}
