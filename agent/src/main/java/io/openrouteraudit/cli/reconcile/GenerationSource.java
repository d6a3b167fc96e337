package io.openrouteraudit.cli.reconcile;

/** Looks generations up by id; safe to call from several threads at once. */
@FunctionalInterface
public interface GenerationSource {

    LookupOutcome lookup(String generationId, BackoffPolicy policy) throws ReconcileException, InterruptedException;
}
